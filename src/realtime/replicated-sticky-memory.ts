import type { StickyMemory } from '../core/routing/index.js';
import type { AppPubSub } from './pubsub.js';

interface StickyMessage {
  from: string;
  stickyKey: string;
  modelId: string;
  provider: string;
  at: number;
}

/**
 * Sticky routing shared by every instance: a conversation served on one instance sticks to the same
 * provider on all of them (so its prompt cache stays warm wherever the load balancer sends the next
 * turn). Each instance keeps its bounded memory and applies what the others publish.
 */
export function replicateSticky(local: StickyMemory, pubsub: AppPubSub, instanceId: string): { sticky: StickyMemory; stop(): Promise<void> } {
  const incoming = pubsub.subscribe('sticky-route');
  const applying = (async () => {
    for await (const m of incoming as AsyncIterable<StickyMessage>) {
      if (m.from !== instanceId) local.remember(m.stickyKey, m.modelId, m.provider, m.at);
    }
  })();
  return {
    sticky: {
      at: (now) => local.at(now),
      remember(stickyKey, modelId, provider, now) {
        local.remember(stickyKey, modelId, provider, now);
        pubsub.publish('sticky-route', { from: instanceId, stickyKey, modelId, provider, at: now } satisfies StickyMessage);
      },
      size: () => local.size(),
    },
    async stop() {
      await incoming.return?.();
      await applying;
    },
  };
}
