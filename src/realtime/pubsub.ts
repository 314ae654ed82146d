import { Repeater, SlidingBuffer } from '@repeaterjs/repeater';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { Redis } from 'ioredis';

/**
 * Topics published across the cluster. A topic with an id is scoped (e.g. one account's routing
 * decisions); payloads are plain JSON so they cross Redis unchanged.
 */
export type Topics = {
  'provider-health': [payload: unknown];
  'routing-decision': [accountId: string, payload: unknown];
  'catalog-changed': [payload: { reason: string }];
  /** An attempt's outcome measured by one instance, for every other instance's health store. */
  'health-outcome': [payload: unknown];
  /** A conversation (sticky key) served by a provider, for every other instance's sticky memory. */
  'sticky-route': [payload: unknown];
  /** An account was suspended, resumed or changed: every instance forgets the cached principals of its keys. */
  'account-changed': [payload: { accountId: string }];
  /** Abort this generation, wherever it runs. */
  'generation-cancel': [payload: { generationId: string }];
};

type Payload<K extends keyof Topics> = Topics[K] extends [string, infer P] ? P : Topics[K][0];
type ScopeArgs<K extends keyof Topics> = Topics[K] extends [string, unknown] ? [id: string] : [];

export interface AppPubSub {
  publish<K extends keyof Topics>(topic: K, ...args: Topics[K]): void;
  subscribe<K extends keyof Topics>(topic: K, ...scope: ScopeArgs<K>): AsyncIterableIterator<Payload<K>>;
}

/** Undelivered events one subscriber may hold; beyond it the oldest are dropped (it lags, never grows). */
export const SUBSCRIBER_BUFFER = 1024;

/**
 * In-memory for one process (the embedded default), Redis pub/sub when instances share events. Same
 * wire shape as graphql-yoga's createPubSub, but each subscription gets its own bounded buffer: yoga's
 * would share one buffer object between subscriptions, or crash the process when a slow subscriber
 * overflows its queue.
 */
export function createAppPubSub(
  redis?: { publishClient: Redis; subscribeClient: Redis; channelPrefix?: string },
  onPublishError: (error: unknown) => void = () => {},
): AppPubSub {
  // Channels are namespaced so deployments (or test runs) sharing one Redis never hear each other.
  const prefix = redis?.channelPrefix ?? '';
  const target: EventTarget = redis
    ? (createRedisEventTarget({ publishClient: publishingSafely(redis.publishClient, onPublishError), subscribeClient: redis.subscribeClient }) as unknown as EventTarget)
    : new EventTarget();
  const topicOf = (topic: string, args: unknown[]) => prefix + (args.length === 2 ? `${topic}:${String(args[0])}` : topic);
  return {
    publish(topic, ...args) {
      const payload = args.length === 2 ? args[1] : args[0];
      target.dispatchEvent(new CustomEvent(topicOf(topic, args), { detail: payload }));
    },
    subscribe(topic, ...scope) {
      const name = prefix + (scope.length ? `${topic}:${scope[0]}` : topic);
      return new Repeater((push, stop) => {
        const listener = (event: Event) => void push((event as CustomEvent).detail).catch(() => {});
        target.addEventListener(name, listener);
        void stop.then(() => target.removeEventListener(name, listener));
      }, new SlidingBuffer(SUBSCRIBER_BUFFER));
    },
  };
}

/**
 * The Redis event target publishes without awaiting: while Redis is down every publish would become an
 * unhandled rejection (and end the process). Published events are best-effort, so failures are reported.
 */
function publishingSafely(client: Redis, onError: (error: unknown) => void): Redis {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property !== 'publish') {
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (...args: Parameters<Redis['publish']>) => target.publish(...args).catch((error: unknown) => {
        onError(error);
        return 0;
      });
    },
  });
}
