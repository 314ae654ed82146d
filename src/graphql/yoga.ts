import type { IncomingMessage } from 'node:http';
import { createGraphQLError, createYoga, type GraphiQLOptions, type YogaServerInstance } from 'graphql-yoga';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import type { EntityManager } from '@mikro-orm/postgresql';
import { safeError, type Logger } from '../logger.js';
import { schema } from './schema.js';
import { createContext, type GraphQLContext, type GraphQLServices } from './context.js';
import { bearerToken } from '../gateway/auth/api-key-secret.js';
import type { StreamSlots } from '../gateway/limits/stream-slots.js';
import { costLimitByCallerPlugin, documentShapePlugin, queryTimeBudgetPlugin } from './plugins/operation-limits.js';
import { subscriptionSlotsPlugin } from './plugins/subscription-slots.js';

export interface YogaOptions {
  em: EntityManager;
  services: GraphQLServices;
  logger: Logger;
  maxDepth: number;
  maxCost: number;
  anonymousMaxCost: number;
  maxTokens: number;
  maxAliases: number;
  /** Characters a document may have (checked before it is parsed). */
  maxDocumentLength: number;
  timeoutMs: number;
  /** Brackets a document may nest (list and object literals, selections, arguments). */
  maxNesting: number;
  streams: StreamSlots;
  addressOf(req: IncomingMessage): string;
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
        const suspended = result.reason === 'suspended';
        throw createGraphQLError(result.message, { extensions: { code: suspended ? 'FORBIDDEN' : 'UNAUTHENTICATED', reason: result.reason, http: { status: suspended ? 403 : 401 } } });
      }
      return createContext(opts.em, opts.services, result.kind === 'authenticated' ? result.principal : null);
    },
    // Yoga's own log lines carry documents and variables (request content): only their text and errors go out.
    logging: {
      debug: (message) => opts.logger.debug(typeof message === 'string' ? message : 'graphql'),
      info: (message) => opts.logger.info(typeof message === 'string' ? message : 'graphql'),
      warn: (...args) => opts.logger.warn({ err: safeError(args.find((a) => a instanceof Error)) }, typeof args[0] === 'string' ? args[0] : 'graphql warning'),
      error: (...args) => opts.logger.error({ err: safeError(args.find((a) => a instanceof Error) ?? args[0]) }, 'graphql operation failed'),
    },
    plugins: [
      // Where the CPU of a hostile document goes, in order: parsing (bounded by length, nesting and tokens),
      // validation (aliases, depth, cost — smaller without a key), execution (a time budget per query).
      documentShapePlugin({ maxLength: opts.maxDocumentLength, maxDepth: opts.maxNesting }),
      maxTokensPlugin({ n: opts.maxTokens, exposeLimits: true }),
      maxAliasesPlugin({ n: opts.maxAliases, exposeLimits: true }),
      // Introspection is not exempt: a deep introspection query is as abusive as any other.
      maxDepthPlugin({ n: opts.maxDepth, exposeLimits: true, flattenFragments: true }),
      costLimitByCallerPlugin({ maxCost: opts.maxCost, anonymousMaxCost: opts.anonymousMaxCost, hasKey: (context) => tokenOf(context) !== null }),
      queryTimeBudgetPlugin(opts.timeoutMs),
      subscriptionSlotsPlugin(opts.streams, opts.addressOf),
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
