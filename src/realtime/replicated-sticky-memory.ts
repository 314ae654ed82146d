import type { StickyMemory } from '../core/routing/index.js';
import type { AppPubSub } from './pubsub.js';
import { replicate } from './replicate.js';

/**
 * Sticky routing shared by every instance: a conversation served on one instance sticks to the same
 * provider on all of them (so its prompt cache stays warm wherever the load balancer sends the next
 * turn). Each instance keeps its bounded memory and applies what the others publish.
 */
export function replicateSticky(local: StickyMemory, pubsub: AppPubSub, instanceId: string): { sticky: StickyMemory; stop(): Promise<void> } {
  const shared = replicate<{ stickyKey: string; modelId: string; provider: string; at: number }>(pubsub, 'sticky-route', instanceId, (c) =>
    local.remember(c.stickyKey, c.modelId, c.provider, c.at),
  );
  return {
    sticky: {
      at: (now) => local.at(now),
      remember(stickyKey, modelId, provider, now) {
        local.remember(stickyKey, modelId, provider, now);
        shared.publish({ stickyKey, modelId, provider, at: now });
      },
      size: () => local.size(),
    },
    stop: shared.stop,
  };
}
