import type { Principal } from '../auth/principal.js';
import { ForbiddenError } from '../user-errors.js';

/** Account administration (keys, BYOK) needs a management key, as on OpenRouter; inference keys only call models. */
export function requireManagement(principal: Principal, what: string): void {
  if (principal.key.kind !== 'management') throw new ForbiddenError(`${what} needs a management key`);
}
