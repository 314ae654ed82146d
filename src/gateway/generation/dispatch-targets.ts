import type { PlannedAttempt } from '../../core/routing/index.js';
import type { ByokCredential } from '../byok/byok-credentials.js';

/** Whose key an attempt is sent with. */
export type AttemptCredential =
  | { kind: 'platform' }
  | { kind: 'byok'; apiKey: string }
  /** The account's key for this provider exists but cannot be opened: the attempt fails without a call. */
  | { kind: 'byok-unreadable' };

export interface DispatchTarget {
  attempt: PlannedAttempt;
  credential: AttemptCredential;
}

/**
 * The plan's attempts with the key each is sent with. An endpoint of a provider the account has a
 * BYOK key for is tried with that key first, then — unless the key is `alwaysUse` — again on platform
 * credits, so a rate-limited or revoked user key does not fail the request.
 */
export function dispatchTargets(attempts: readonly PlannedAttempt[], byok: ReadonlyMap<string, ByokCredential>): DispatchTarget[] {
  return attempts.flatMap((attempt): DispatchTarget[] => {
    const own = byok.get(attempt.endpoint.providerSlug);
    if (!own) return [{ attempt, credential: { kind: 'platform' } }];
    const first: DispatchTarget = { attempt, credential: own.kind === 'usable' ? { kind: 'byok', apiKey: own.apiKey } : { kind: 'byok-unreadable' } };
    return own.alwaysUse ? [first] : [first, { attempt, credential: { kind: 'platform' } }];
  });
}

/** Providers whose endpoints routing puts first: those with a usable key of the account's own. */
export const byokProviders = (byok: ReadonlyMap<string, ByokCredential>): ReadonlySet<string> =>
  new Set([...byok].filter(([, c]) => c.kind === 'usable' || c.alwaysUse).map(([slug]) => slug));
