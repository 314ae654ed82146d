import { formatUsd } from '../billing/money.js';
import type { Exclusion, ExclusionReason, Plan } from './types.js';

const list = (items: readonly string[]) => `[${items.join(', ')}]`;

/** One sentence a user can act on, e.g. "excluded: quantization fp8 not in [bf16, fp16]". */
export function describeExclusion(reason: ExclusionReason): string {
  switch (reason.code) {
    case 'endpoint_disabled':
      return 'excluded: endpoint is disabled';
    case 'not_in_only':
      return `excluded: provider not in provider.only ${list(reason.only)}`;
    case 'ignored':
      return 'excluded: provider is in provider.ignore';
    case 'quantization':
      return `excluded: quantization ${reason.quantization} not in ${list(reason.allowed)}`;
    case 'data_collection':
      return 'excluded: provider may train on prompts and provider.data_collection is "deny"';
    case 'zdr':
      return 'excluded: provider does not offer zero data retention and provider.zdr is true';
    case 'missing_parameters':
      return `excluded: does not support ${list(reason.missing)}`;
    case 'input_modality':
      return `excluded: does not accept ${list(reason.missing)} input`;
    case 'context_length':
      return `excluded: needs ${reason.needed} tokens of context, endpoint has ${reason.available}`;
    case 'max_completion_tokens':
      return `excluded: max_tokens ${reason.requested} above the endpoint's limit of ${reason.limit}`;
    case 'max_price':
      return `excluded: ${reason.field} price $${formatUsd(reason.price)}${reason.perMillion ? '/M tokens' : ''} above provider.max_price.${reason.field} $${formatUsd(reason.max)}`;
    case 'circuit_open':
      return 'excluded: temporarily unavailable after repeated upstream failures (circuit open)';
    case 'fallbacks_disabled':
      return 'excluded: provider.allow_fallbacks is false';
  }
}

export interface NoRouteExplanation {
  message: string;
  /** Per model, per provider: why it could not serve (OpenRouter error metadata). */
  metadata: { unknown_models: string[]; excluded: { model: string; provider: string; code: string; reason: string }[] };
}

/** The error for a plan without attempts: says which filter excluded which provider. */
export function explainNoRoute(plan: Plan): NoRouteExplanation {
  const excluded = plan.excluded.map((x: Exclusion) => ({
    model: x.modelId,
    provider: x.providerSlug,
    code: x.reason.code,
    reason: describeExclusion(x.reason),
  }));
  const parts: string[] = [];
  if (plan.unknownModels.length) parts.push(`unknown model(s) ${list(plan.unknownModels)}`);
  for (const x of excluded) parts.push(`${x.provider} (${x.model}) ${x.reason}`);
  return {
    message: `No endpoint can serve this request: ${parts.join('; ') || 'no endpoints'}`,
    metadata: { unknown_models: plan.unknownModels, excluded },
  };
}
