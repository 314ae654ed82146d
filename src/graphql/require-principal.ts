import { GraphQLError } from 'graphql';
import type { Principal } from '../gateway/auth/principal.js';
import type { GraphQLContext } from './context.js';

/** Everything but the catalog needs a key; without one the operation fails with UNAUTHENTICATED. */
export function requirePrincipal(ctx: GraphQLContext): Principal {
  if (!ctx.principal) {
    throw new GraphQLError('This field needs an API key: send `Authorization: Bearer <key>`', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
  return ctx.principal;
}
