import type { AppPubSub } from '../../realtime/pubsub.js';
import type { CatalogSnapshot } from '../routing/catalog-snapshot.js';

/** Tells every instance that the catalog changed, so each rebuilds its routing snapshot at once. */
export interface CatalogChanges {
  /** After a committed change on this instance: invalidates here now, and everywhere else through pub/sub. */
  changed(reason: string): void;
  stop(): Promise<void>;
}

/**
 * Invalidation across instances: the writer invalidates its own snapshot synchronously (its next request
 * sees the change) and publishes `catalog-changed`; every instance invalidates on hearing it. A lost
 * message costs at most the snapshot's maximum age (30 s), after which it reloads anyway.
 */
export function propagateCatalogChanges(snapshot: CatalogSnapshot, pubsub: AppPubSub, onHeard: (reason: string) => void = () => {}): CatalogChanges {
  const heard = pubsub.subscribe('catalog-changed');
  const following = (async () => {
    for await (const change of heard) {
      snapshot.invalidate();
      onHeard(change.reason);
    }
  })();
  return {
    changed(reason) {
      snapshot.invalidate();
      pubsub.publish('catalog-changed', { reason });
    },
    async stop() {
      await heard.return?.();
      await following;
    },
  };
}
