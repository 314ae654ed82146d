import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { queryTimeBudgetPlugin } from '../../src/graphql/plugins/operation-limits.js';

/** Burns the CPU for `ms` without yielding, as a heavy synchronous resolver would. */
function spin(ms: number): number {
  const until = performance.now() + ms;
  let n = 0;
  while (performance.now() < until) n++;
  return n;
}

const schema = createSchema({
  typeDefs: 'type Query { spin(ms: Int!): Int! } type Mutation { spin(ms: Int!): Int! }',
  resolvers: { Query: { spin: (_: unknown, { ms }: { ms: number }) => spin(ms) }, Mutation: { spin: (_: unknown, { ms }: { ms: number }) => spin(ms) } },
});

const yoga = createYoga({ schema, plugins: [queryTimeBudgetPlugin(50)], maskedErrors: false });
const run = async (query: string) => {
  const started = performance.now();
  const res = await yoga.fetch('http://test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { elapsedMs: performance.now() - started, body: (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } };
};
const aliases = (kind: string, count: number, ms: number) => `${kind} { ${Array.from({ length: count }, (_, i) => `a${i}: spin(ms: ${ms})`).join(' ')} }`;

describe('the per-query time budget', () => {
  it('stops a query of synchronous resolvers at the next field once the budget is spent', async () => {
    const { elapsedMs, body } = await run(aliases('query', 100, 5)); // 500 ms of work against a 50 ms budget
    expect(body.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
    expect(body.errors?.[0]?.message).toMatch(/time budget of 50 ms/);
    expect(elapsedMs).toBeLessThan(400); // loose on a shared machine; the work itself would take ≥ 500 ms
  });

  it('leaves a query within budget alone', async () => {
    const { body } = await run(aliases('query', 3, 1));
    expect(body.errors).toBeUndefined();
    expect(Object.keys(body.data!)).toHaveLength(3);
  });

  it('does not stop a mutation between fields (that would hide writes that already happened)', async () => {
    const { body } = await run(aliases('mutation', 20, 5));
    expect(body.errors).toBeUndefined();
    expect(Object.keys(body.data!)).toHaveLength(20);
  });
});
