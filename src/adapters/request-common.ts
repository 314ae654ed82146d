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

export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** Thinking-token budget for families that take a budget (Anthropic, Gemini) when the request gives an effort level. */
const EFFORT_BUDGET: Record<ReasoningEffort, number> = { minimal: 1024, low: 2048, medium: 8192, high: 24576 };

export function reasoningBudget(reasoning: ReasoningConfig | undefined): number | undefined {
  if (reasoning === undefined) return undefined;
  if (reasoning.maxTokens !== undefined) return reasoning.maxTokens;
  if (reasoning.effort !== undefined) return EFFORT_BUDGET[reasoning.effort];
  return undefined;
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
