import { createGraphQLError, createYoga, type GraphiQLOptions, type YogaServerInstance } from 'graphql-yoga';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import { schema } from './schema.js';
import { createContext, type GraphQLContext, type GraphQLServices } from './context.js';
import { bearerToken } from '../gateway/auth/api-key-secret.js';

export interface YogaOptions {
  em: EntityManager;
  services: GraphQLServices;
  logger: Logger;
  maxDepth: number;
  maxCost: number;
}

export type Yoga = YogaServerInstance<Record<string, unknown>, GraphQLContext>;

export function createGraphQLServer(opts: YogaOptions): Yoga {
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: { title: 'Switchyard', subscriptionsProtocol: 'WS' },
    // GraphiQL from local assets (the default page loads them from a CDN and is blank offline).
    renderGraphiQL: localGraphiQL,
    context: async (initial) => {
      const result = await opts.services.auth.authenticate(tokenOf(initial));
      if (result.kind === 'rejected') {
        throw createGraphQLError(result.message, { extensions: { code: 'UNAUTHENTICATED', reason: result.reason, http: { status: 401 } } });
      }
      return createContext(opts.em, opts.services, result.kind === 'authenticated' ? result.principal : null);
    },
    logging: {
      debug: (...args) => opts.logger.debug(args),
      info: (...args) => opts.logger.info(args),
      warn: (...args) => opts.logger.warn(args),
      error: (...args) => opts.logger.error(args),
    },
    plugins: [
      // Introspection is not exempt: a deep introspection query is as abusive as any other.
      maxDepthPlugin({ n: opts.maxDepth, exposeLimits: true, flattenFragments: true }),
      costLimitPlugin({ maxCost: opts.maxCost, exposeLimits: true }),
    ],
  });
}

/** The page inlines GraphiQL's whole bundle (≈ 9 MB): render it once per set of options. */
const graphiqlPages = new Map<string, string>();
function localGraphiQL(options?: GraphiQLOptions): string {
  const key = JSON.stringify(options ?? {});
  let page = graphiqlPages.get(key);
  if (page === undefined) graphiqlPages.set(key, (page = renderGraphiQL(options)));
  return page;
}

/** HTTP: `Authorization: Bearer <key>`. graphql-ws: `connection_init` payload `{ authorization }`. */
function tokenOf(initial: Record<string, unknown>): string | null {
  const params = initial.connectionParams as Record<string, unknown> | undefined;
  if (params && typeof params.authorization === 'string') {
    return bearerToken(params.authorization) ?? (params.authorization.trim() || null);
  }
  const request = initial.request as Request | undefined;
  return bearerToken(request?.headers?.get?.('authorization'));
}
