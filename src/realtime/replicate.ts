import type { AppPubSub } from './pubsub.js';

type ReplicatedTopic = 'health-outcome' | 'sticky-route';

/**
 * Keeps per-instance state converging across instances: `publish` sends a change to the others, and
 * the changes they publish are handed to `apply` (an instance never re-applies its own).
 */
export function replicate<M>(pubsub: AppPubSub, topic: ReplicatedTopic, instanceId: string, apply: (change: M) => unknown): { publish(change: M): void; stop(): Promise<void> } {
  const incoming = pubsub.subscribe(topic);
  const applying = (async () => {
    for await (const message of incoming as AsyncIterable<{ from: string; change: M }>) {
      if (message.from === instanceId) continue;
      try {
        await apply(message.change);
      } catch {
        // One bad change must not stop replication; the next ones still apply.
      }
    }
  })();
  return {
    publish: (change) => pubsub.publish(topic, { from: instanceId, change }),
    async stop() {
      await incoming.return?.();
      await applying;
    },
  };
}
