import { builder } from '../builder.js';
import { usageByBucket, type UsageBucket, type UsageGrouping } from '../../persistence/queries/usage-queries.js';
import { InvalidInputError } from '../../gateway/user-errors.js';

const DAY_MS = 86_400_000;
/** Bounded answers: at most ~a year of days, or a month of hours. */
const MAX_RANGE_MS: Record<UsageGrouping, number> = { day: 366 * DAY_MS, hour: 31 * DAY_MS, model: 366 * DAY_MS, provider: 366 * DAY_MS, key: 366 * DAY_MS };

export const UsageGroupByEnum = builder.enumType('UsageGroupBy', {
  values: { DAY: { value: 'day' }, HOUR: { value: 'hour' }, MODEL: { value: 'model' }, PROVIDER: { value: 'provider' }, KEY: { value: 'key' } } as const,
});

export const UsageRangeInput = builder.inputType('UsageRange', {
  description: 'Half-open: `from` ≤ createdAt < `to`.',
  fields: (t) => ({ from: t.field({ type: 'DateTime', required: true }), to: t.field({ type: 'DateTime', required: true }) }),
});

export const UsageBucketRef = builder.objectRef<UsageBucket>('UsageBucket').implement({
  description: 'Aggregates of the account’s generations in one bucket.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Bucket start (ISO, UTC) for DAY/HOUR; else the model id, provider slug or API key id ("" when none).' }),
    requests: t.exposeInt('requests'),
    errors: t.exposeInt('errors', { description: 'Failed or cancelled generations.' }),
    promptTokens: t.exposeInt('promptTokens'),
    completionTokens: t.exposeInt('completionTokens'),
    reasoningTokens: t.exposeInt('reasoningTokens'),
    cachedTokens: t.exposeInt('cachedTokens'),
    cost: t.field({ type: 'Money', description: 'Charged on credits.', resolve: (b) => b.cost }),
    byokUsage: t.field({ type: 'Money', description: 'Paid to providers with your own keys (list price).', resolve: (b) => b.byokUsage }),
    ttftP50Ms: t.int({ nullable: true, description: 'Median time to first token.', resolve: (b) => b.ttftP50Ms }),
  }),
});

/** Viewer.usage: validated range, then one aggregate query. */
export async function usageOf(ctx: Parameters<typeof usageByBucket>[0], accountId: string, range: { from: Date; to: Date }, groupBy: UsageGrouping): Promise<UsageBucket[]> {
  if (range.to.getTime() <= range.from.getTime()) throw new InvalidInputError('range.to must be after range.from', 'range');
  if (range.to.getTime() - range.from.getTime() > MAX_RANGE_MS[groupBy]) {
    throw new InvalidInputError(`range too long for ${groupBy.toUpperCase()} buckets (at most ${MAX_RANGE_MS[groupBy] / DAY_MS} days)`, 'range');
  }
  return usageByBucket(ctx, accountId, range.from, range.to, groupBy);
}
