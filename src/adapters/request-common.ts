import type { ReasoningConfig, ReasoningEffort, RequestParameter } from '../core/llm/request.js';
import type { AuthStyle, UpstreamTarget } from './adapter.js';

/** Is this optional parameter sent to this endpoint? Everything is, unless the endpoint lists what it supports. */
export function parameterGate(target: UpstreamTarget): (parameter: RequestParameter) => boolean {
  const supported = target.supportedParameters;
  if (supported === undefined) return () => true;
  const set = new Set<RequestParameter>(supported);
  return (parameter) => set.has(parameter);
}

/** Request headers: JSON body, the key in the family's (or the provider's) auth style, then extra headers. */
export function baseHeaders(target: UpstreamTarget, defaultAuth: AuthStyle, stream: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: stream ? 'text/event-stream' : 'application/json',
  };
  const auth = target.auth ?? defaultAuth;
  if (target.apiKey !== undefined && target.apiKey !== '') {
    if (auth.kind === 'bearer') headers.authorization = `Bearer ${target.apiKey}`;
    else if (auth.kind === 'header') headers[auth.name.toLowerCase()] = target.apiKey;
  }
  for (const [name, value] of Object.entries(target.extraHeaders ?? {})) headers[name.toLowerCase()] = value;
  return headers;
}

/** `base` + `/path`, whatever slashes either side has. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * `base` + the API's version segment + `path`, whether the configured base URL already ends in a
 * version segment or not (`https://api.anthropic.com` and `https://api.anthropic.com/v1` both work),
 * and tolerating a base that already ends in the path itself (a pasted endpoint URL).
 */
export function versionedUrl(baseUrl: string, version: string, path: string, acceptedVersions: readonly string[] = [version]): string {
  const base = baseUrl.replace(/\/+$/, '');
  const endpoint = `${version}/${path}`;
  if (base.endsWith(`/${endpoint}`)) return base;
  const last = base.slice(base.lastIndexOf('/') + 1);
  return acceptedVersions.includes(last) ? joinUrl(base, path) : joinUrl(base, endpoint);
}

/**
 * Share of the output cap an effort level may think for — OpenRouter's documented ratios (reasoning
 * tokens are output tokens and count against max_tokens, so a budget is carved out of the cap).
 */
export const EFFORT_RATIO: Readonly<Record<Exclude<ReasoningEffort, 'none'>, number>> = { minimal: 0.1, low: 0.2, medium: 0.5, high: 0.8, xhigh: 0.95, max: 0.95 };

/** Effort when reasoning is asked for without a level or a budget. */
export const DEFAULT_EFFORT = 'medium';

/**
 * Thinking tokens inside `outputCap`: an explicit budget (capped), or the effort's share of the cap.
 * undefined when no reasoning was asked for, or it was turned off (`effort: none`).
 */
export function thinkingBudget(reasoning: ReasoningConfig | undefined, outputCap: number): number | undefined {
  if (reasoning === undefined || reasoning.effort === 'none') return undefined;
  if (reasoning.maxTokens !== undefined) return Math.min(reasoning.maxTokens, outputCap);
  return Math.floor(outputCap * EFFORT_RATIO[reasoning.effort ?? DEFAULT_EFFORT]);
}

/** For APIs that take an effort but no budget: the level whose share of the cap is nearest a token budget. */
export function effortForBudget(budget: number, outputCap: number): Exclude<ReasoningEffort, 'none'> {
  const ratio = outputCap > 0 ? budget / outputCap : 1;
  let best: Exclude<ReasoningEffort, 'none'> = DEFAULT_EFFORT;
  for (const [effort, share] of Object.entries(EFFORT_RATIO) as [Exclude<ReasoningEffort, 'none'>, number][]) {
    if (Math.abs(share - ratio) < Math.abs(EFFORT_RATIO[best] - ratio)) best = effort;
  }
  return best;
}

/** Drops undefined fields so the wire body only carries what was asked for. */
export function compact<T extends Record<string, unknown>>(body: T): T {
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

/** Assistant tool-call arguments (JSON text) → object, for formats that want objects (Anthropic, Gemini). */
export function argumentsObject(argumentsJson: string): Record<string, unknown> {
  if (argumentsJson.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(argumentsJson);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through: the history holds arguments the model produced as invalid JSON
  }
  return { _raw: argumentsJson };
}
