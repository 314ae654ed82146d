/**
 * Who holds a long-lived stream: a valid API key, or — without one — the client's address. Anonymous
 * clients are bounded per address so they can't exhaust what keys are bounded by per key.
 */
export type StreamOwner = { kind: 'key'; keyId: string } | { kind: 'address'; address: string };

/** A connection (graphql-ws socket, or one GraphQL SSE response) or one subscription in it. */
export type StreamResource = 'connection' | 'subscription';

export type SlotGrant =
  | { granted: true; release(): void }
  | { granted: false; code: 'TOO_MANY_CONNECTIONS' | 'TOO_MANY_SUBSCRIPTIONS'; message: string };

export interface StreamLimits {
  perKey: { connections: number; subscriptions: number };
  perAddress: { connections: number; subscriptions: number };
}

export interface StreamSlots {
  acquire(resource: StreamResource, owner: StreamOwner): SlotGrant;
  /** Whether `acquire` would grant now: a cheap check before parsing an operation that would be refused. */
  available(resource: StreamResource, owner: StreamOwner): boolean;
  /** Slots held now, by owner kind and resource (for metrics). */
  held(): Record<'key' | 'address', Record<StreamResource, number>>;
}

/**
 * Counts the streams each owner holds on this instance, across both transports (graphql-ws and SSE).
 * Every grant carries its own release, which is idempotent, so a double close can't free someone else's slot.
 */
export function createStreamSlots(limits: StreamLimits): StreamSlots {
  const counts = new Map<string, number>();
  const held = { key: { connection: 0, subscription: 0 }, address: { connection: 0, subscription: 0 } };
  const limitOf = (resource: StreamResource, owner: StreamOwner) => (owner.kind === 'key' ? limits.perKey : limits.perAddress)[resource === 'connection' ? 'connections' : 'subscriptions'];
  const slotOf = (resource: StreamResource, owner: StreamOwner) => `${resource}|${owner.kind === 'key' ? `k:${owner.keyId}` : `a:${owner.address}`}`;

  return {
    available: (resource, owner) => (counts.get(slotOf(resource, owner)) ?? 0) < limitOf(resource, owner),
    acquire(resource, owner) {
      const limit = limitOf(resource, owner);
      const slot = slotOf(resource, owner);
      const open = counts.get(slot) ?? 0;
      if (open >= limit) return refusal(resource, owner, limit);
      counts.set(slot, open + 1);
      held[owner.kind][resource]++;
      let released = false;
      return {
        granted: true,
        release() {
          if (released) return;
          released = true;
          held[owner.kind][resource]--;
          const left = (counts.get(slot) ?? 1) - 1;
          if (left > 0) counts.set(slot, left);
          else counts.delete(slot);
        },
      };
    },
    held: () => ({ key: { ...held.key }, address: { ...held.address } }),
  };
}

function refusal(resource: StreamResource, owner: StreamOwner, limit: number): SlotGrant {
  const who = owner.kind === 'key' ? 'for this API key' : 'anonymous from this address';
  return resource === 'connection'
    ? { granted: false, code: 'TOO_MANY_CONNECTIONS', message: owner.kind === 'key' ? `Too many connections for this API key (at most ${limit})` : `Too many anonymous connections from this address (at most ${limit}; send an API key for more)` }
    : { granted: false, code: 'TOO_MANY_SUBSCRIPTIONS', message: `Too many subscriptions ${who} (at most ${limit})` };
}
