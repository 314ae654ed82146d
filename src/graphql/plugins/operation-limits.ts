import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { documentNestsDeeperThan } from '../document-nesting.js';

/**
 * Refuses, before graphql-js parses it, a document longer than `maxLength` characters (nothing a person
 * writes; prompts belong in variables) or nested deeper than `maxDepth` brackets (the parser recurses,
 * so a list literal thousands deep would overflow its stack and answer 500).
 */
export function documentShapePlugin({ maxLength, maxDepth }: { maxLength: number; maxDepth: number }): Plugin {
  return {
    onParse({ params }) {
      const source = typeof params.source === 'string' ? params.source : params.source.body;
      if (source.length > maxLength) {
        throw createGraphQLError(`Document too large (at most ${maxLength} characters; send large values as variables)`, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
      }
      if (documentNestsDeeperThan(source, maxDepth)) {
        throw createGraphQLError(`Document nested too deeply (at most ${maxDepth} levels of brackets)`, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
      }
    },
  };
}

/**
 * The cost limit, by caller: an operation sent without a key gets `anonymousMaxCost`, one with a key
 * `maxCost` (a key that turns out invalid is refused before execution anyway).
 */
export function costLimitByCallerPlugin(options: { maxCost: number; anonymousMaxCost: number; hasKey(context: Record<string, unknown>): boolean }): Plugin {
  const keyed = costLimitRule({ maxCost: options.maxCost, exposeLimits: true });
  const anonymous = costLimitRule({ maxCost: options.anonymousMaxCost, exposeLimits: true, errorMessage: 'Query cost limit exceeded for requests without an API key' });
  return {
    onValidate({ context, addValidationRule }) {
      addValidationRule(options.hasKey(context as Record<string, unknown>) ? keyed : anonymous);
    },
  };
}

/**
 * A time budget per query: the executor checks its signal before every field, and this signal also
 * trips once the deadline has passed — so even a synchronous run of resolvers stops at the next field,
 * without waiting for a timer the busy event loop could not fire. Mutations are left alone: stopping one
 * between fields would hide a write that already happened.
 */
export function queryTimeBudgetPlugin(budgetMs: number): Plugin {
  return {
    onExecute({ args, setExecuteFn, executeFn }) {
      const operation = args.document.definitions.find((d: { kind: string; operation?: string; name?: { value: string } }) => d.kind === 'OperationDefinition' && (!args.operationName || d.name?.value === args.operationName));
      if (operation?.operation !== 'query') return;
      setExecuteFn((executeArgs) => {
        const deadline = deadlineSignal(budgetMs, (executeArgs as { signal?: AbortSignal }).signal);
        let result;
        try {
          result = executeFn({ ...executeArgs, signal: deadline.signal } as typeof executeArgs);
        } catch (error) {
          deadline.clear();
          throw error;
        }
        if (result instanceof Promise) return result.finally(deadline.clear);
        deadline.clear();
        return result;
      });
    },
  };
}

function deadlineSignal(budgetMs: number, outer: AbortSignal | undefined): { signal: AbortSignal; clear(): void } {
  const controller = new AbortController();
  const expire = () => controller.abort(createGraphQLError(`Operation exceeded its time budget of ${budgetMs} ms`, { extensions: { code: 'TIMEOUT', http: { status: 503 } } }));
  const deadline = performance.now() + budgetMs;
  const timer = setTimeout(expire, budgetMs);
  const onOuterAbort = () => controller.abort(outer!.reason);
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  const signal = controller.signal;
  const throwIfAborted = signal.throwIfAborted.bind(signal);
  signal.throwIfAborted = () => {
    if (!signal.aborted && performance.now() > deadline) expire();
    throwIfAborted();
  };
  return {
    signal,
    clear: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    },
  };
}
