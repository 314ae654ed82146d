import type { MiddlewareHandler } from 'hono';
import type { Authenticator } from '../gateway/auth/authenticator.js';
import { bearerToken } from '../gateway/auth/api-key-secret.js';
import type { Principal } from '../gateway/auth/principal.js';
import { errorResponse } from './errors.js';

export type AuthEnv = { Variables: { principal: Principal } };

/** Requires a valid key (`Authorization: Bearer`); answers 401 in OpenRouter's shape otherwise. */
export function requireKey(auth: Authenticator, kind?: 'management'): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const result = await auth.authenticate(bearerToken(c.req.header('authorization')));
    if (result.kind === 'anonymous') return errorResponse(c, 401, 'No API key: send `Authorization: Bearer <key>`');
    if (result.kind === 'rejected') return errorResponse(c, result.reason === 'suspended' ? 403 : 401, result.message);
    if (kind === 'management' && result.principal.key.kind !== 'management') {
      return errorResponse(c, 403, 'This endpoint needs a management key');
    }
    c.set('principal', result.principal);
    await next();
  };
}
