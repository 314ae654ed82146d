import { describe, expect, it } from 'vitest';
import { createStreamSlots } from '../../src/gateway/limits/stream-slots.js';

const slots = () => createStreamSlots({ perKey: { connections: 2, subscriptions: 3 }, perAddress: { connections: 1, subscriptions: 2 } });

describe('stream slots', () => {
  it('grants up to the limit per owner and resource, then refuses with a code and the limit', () => {
    const s = slots();
    const key = { kind: 'key', keyId: 'k1' } as const;
    expect(s.acquire('connection', key).granted).toBe(true);
    expect(s.acquire('connection', key).granted).toBe(true);
    expect(s.acquire('connection', key)).toEqual({ granted: false, code: 'TOO_MANY_CONNECTIONS', message: 'Too many connections for this API key (at most 2)' });
    expect(s.acquire('connection', { kind: 'key', keyId: 'k2' }).granted).toBe(true);
    expect(s.acquire('subscription', key).granted).toBe(true);
    const address = { kind: 'address', address: '10.0.0.1' } as const;
    expect(s.acquire('connection', address).granted).toBe(true);
    expect(s.acquire('connection', address)).toMatchObject({ granted: false, message: expect.stringMatching(/anonymous connections from this address \(at most 1/) });
    expect(s.held()).toEqual({ key: { connection: 3, subscription: 1 }, address: { connection: 1, subscription: 0 } });
  });

  it('frees a slot on release, once, however often release is called', () => {
    const s = slots();
    const owner = { kind: 'address', address: '::1' } as const;
    const first = s.acquire('connection', owner);
    if (!first.granted) throw new Error('expected a grant');
    expect(s.available('connection', owner)).toBe(false);
    first.release();
    first.release();
    expect(s.available('connection', owner)).toBe(true);
    expect(s.acquire('connection', owner).granted).toBe(true);
    expect(s.held().address.connection).toBe(1);
  });
});
