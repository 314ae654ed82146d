import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import { schema } from './schema.js';
import { createContext, type GraphQLContext } from './context.js';

export interface YogaOptions {
  em: EntityManager;
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
    context: () => createContext(opts.em),
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
