import { describe, expect, it } from 'vitest';
import { byokProviders, dispatchTargets } from '../../../src/gateway/generation/dispatch-targets.js';
import type { ByokCredential } from '../../../src/gateway/byok/byok-credentials.js';
import type { PlannedAttempt } from '../../../src/core/routing/index.js';

const attempt = (providerSlug: string) => ({ modelId: 'm', reason: 'primary', endpoint: { id: `e-${providerSlug}`, providerSlug } }) as unknown as PlannedAttempt;
const shape = (targets: ReturnType<typeof dispatchTargets>) => targets.map((t) => `${t.attempt.endpoint.providerSlug}:${t.credential.kind}`);

describe('dispatchTargets', () => {
  const plan = [attempt('a'), attempt('b'), attempt('c')];

  it('sends everything with the platform key when the account has no keys of its own', () => {
    expect(shape(dispatchTargets(plan, new Map()))).toEqual(['a:platform', 'b:platform', 'c:platform']);
  });

  it('tries the account key first, then the platform key on the same endpoint unless always-use', () => {
    const byok = new Map<string, ByokCredential>([
      ['b', { kind: 'usable', apiKey: 'kb', alwaysUse: false }],
      ['c', { kind: 'usable', apiKey: 'kc', alwaysUse: true }],
    ]);
    expect(shape(dispatchTargets(plan, byok))).toEqual(['a:platform', 'b:byok', 'b:platform', 'c:byok']);
    expect(dispatchTargets(plan, byok)[1]!.credential).toEqual({ kind: 'byok', apiKey: 'kb' });
  });

  it('never falls back to the platform key for an unreadable always-use key', () => {
    const byok = new Map<string, ByokCredential>([
      ['a', { kind: 'unreadable', alwaysUse: true }],
      ['b', { kind: 'unreadable', alwaysUse: false }],
    ]);
    expect(shape(dispatchTargets(plan, byok))).toEqual(['a:byok-unreadable', 'b:byok-unreadable', 'b:platform', 'c:platform']);
    // routing puts only providers whose key can actually be used (or must be) first
    expect([...byokProviders(byok)]).toEqual(['a']);
  });
});
