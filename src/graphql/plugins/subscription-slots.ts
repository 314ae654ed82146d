import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { IncomingMessage } from 'node:http';
import type { StreamOwner, StreamSlots } from '../../gateway/limits/stream-slots.js';
import type { GraphQLContext } from '../context.js';

/**
 * Every subscription holds a slot of its owner (the key, or the anonymous caller's address) for as long
 * as it runs, over graphql-ws and SSE alike; a subscription over SSE is also a connection of its own
 * (a graphql-ws socket got its connection slot when it connected).
 */
export function subscriptionSlotsPlugin(slots: StreamSlots, addressOf: (req: IncomingMessage) => string): Plugin {
  return {
    onSubscribe({ args, setResultAndStopExecution }) {
      const context = args.contextValue as unknown as GraphQLContext & { req?: IncomingMessage; socket?: unknown };
      const owner: StreamOwner = context.principal
        ? { kind: 'key', keyId: context.principal.key.id }
        : { kind: 'address', address: context.req ? addressOf(context.req) : 'unknown' };
      const grants = [slots.acquire('subscription', owner)];
      if (context.socket === undefined) grants.push(slots.acquire('connection', owner));
      const release = () => grants.forEach((g) => g.granted && g.release());
      const refused = grants.find((g) => !g.granted);
      if (refused && !refused.granted) {
        release();
        setResultAndStopExecution({ errors: [createGraphQLError(refused.message, { extensions: { code: refused.code } })] });
        return;
      }
      return {
        onSubscribeError: release,
        onSubscribeResult({ result }) {
          if (!(Symbol.asyncIterator in result)) return release();
          return { onEnd: release };
        },
      };
    },
  };
}
