import { createPrng, hashString, type Prng } from './prng.js';
import { generateProse, joinProse } from './text-generator.js';
import { toolArgumentsFor } from './tool-arguments.js';
import { valueForSchema } from './json-from-schema.js';
import { signatureOf } from './signatures.js';
import { countMessageTokens, countPromptTokens, countTokens, countToolCallTokens, countToolTokens, splitIntoTokenPieces } from './tokens.js';
import type { SimContentOverrides, SimRequest, SimTool } from './sim-request.js';

export type SimFinish =
  | { reason: 'end' }
  | { reason: 'length' }
  | { reason: 'stop_sequence'; sequence: string }
  | { reason: 'tool_call' };

export interface SimToolCall {
  /** Deterministic id suffix; each format adds its own prefix (call_, toolu_). */
  idSuffix: string;
  name: string;
  arguments: string;
}

export interface SimUsage {
  promptTokens: number;
  /** Part of promptTokens served from the (simulated) prompt cache. */
  cachedTokens: number;
  /** Part of promptTokens written to the prompt cache by this request (reported by Anthropic only). */
  cacheWriteTokens: number;
  /** Text + reasoning + tool call tokens. */
  completionTokens: number;
  reasoningTokens: number;
}

/** The full simulated answer; every wire format renders it, streamed or not, so both agree exactly. */
export interface SimCompletion {
  reasoning: { text: string; signature: string } | undefined;
  text: string;
  toolCalls: SimToolCall[];
  /** Signs the turn's function calls (Gemini's thoughtSignature on the first call) when the model thought. */
  toolCallSignature: string | undefined;
  finish: SimFinish;
  usage: SimUsage;
}

/** What the prompt cache did for this request (decided by the server, which remembers prefixes). */
export interface SimCacheOutcome {
  read: number;
  write: number;
}

// Prompt caching as the providers document it: prefixes of ≥ 1024 tokens, in 128-token steps.
const CACHE_MIN_TOKENS = 1024;
const CACHE_BLOCK_TOKENS = 128;
const NATURAL_TEXT_TOKENS = { min: 20, spread: 100 };
const NATURAL_REASONING_TOKENS = { min: 16, spread: 48 };
/** At most this many calls in one answer when parallel tool calls are allowed. */
const MAX_PARALLEL_CALLS = 3;

function seedOf(request: SimRequest, overrides: SimContentOverrides): number {
  const prompt = request.messages.map((m) => `${m.role}:${m.text}`).join('\n');
  const tools = request.tools.map((t) => t.name).join(',');
  return hashString(`${overrides.seed ?? ''}|${request.model}|${tools}|${prompt}`);
}

/**
 * The part of the prompt a provider may cache (tools + every message but the last, or through the
 * last cache_control breakpoint), when it is long enough to be cached; `key` identifies its content.
 */
export function cacheablePrefix(request: SimRequest): { tokens: number; key: string } | undefined {
  const policy = request.cache;
  if (policy.kind === 'none') return undefined;
  const prefixMessages = policy.kind === 'automatic' ? request.messages.length - 1 : policy.prefixMessages;
  let tokens = 0;
  let key = request.model;
  for (const tool of request.tools) {
    tokens += countToolTokens(tool);
    key += `|t:${tool.name}:${tool.description}`;
  }
  for (const message of request.messages.slice(0, Math.max(0, prefixMessages))) {
    tokens += countMessageTokens(message);
    key += `|${message.role}:${message.text}`;
  }
  if (tokens < CACHE_MIN_TOKENS) return undefined;
  return { tokens: Math.floor(tokens / CACHE_BLOCK_TOKENS) * CACHE_BLOCK_TOKENS, key: `${hashString(key)}:${key.length}` };
}

/** Tools to call: the named one, else the first (or, with parallel calls, the first few) — unless the model was just given a tool result. */
function toolsToCall(request: SimRequest): SimTool[] {
  const choice = request.toolChoice;
  const several = request.tools.slice(0, request.parallelToolCalls ? MAX_PARALLEL_CALLS : 1);
  switch (choice.type) {
    case 'none':
      return [];
    case 'tool':
      return request.tools.filter((tool) => tool.name === choice.name).slice(0, 1);
    case 'required':
      return several;
    case 'auto':
      // Answering in text after a tool result keeps agent loops finite, as a real model would.
      return request.messages.at(-1)?.role === 'tool' ? [] : several;
  }
}

function cutAtStopSequence(text: string, stop: readonly string[]): { text: string; sequence: string } | undefined {
  let best: { text: string; sequence: string } | undefined;
  for (const sequence of stop) {
    if (sequence === '') continue;
    const at = text.indexOf(sequence);
    if (at >= 0 && (best === undefined || at < best.text.length)) best = { text: text.slice(0, at), sequence };
  }
  return best;
}

function reasoningOf(request: SimRequest, prng: Prng, budget: number): { text: string; tokens: number } | undefined {
  if (request.reasoning === undefined) return undefined;
  const prose = generateProse(prng, NATURAL_REASONING_TOKENS.min + prng.int(NATURAL_REASONING_TOKENS.spread));
  const tokens = Math.min(prose.length, request.reasoning.budgetTokens ?? prose.length, budget);
  return { text: joinProse(prose.slice(0, tokens)), tokens };
}

/** The answer's text as tokens: JSON for structured outputs (a JSON object of one prose field for json_object), prose otherwise. */
function answerPieces(request: SimRequest, prng: Prng, overrides: SimContentOverrides): string[] {
  if (request.output.kind === 'json_schema') return splitIntoTokenPieces(JSON.stringify(valueForSchema(request.output.schema, prng)));
  const naturalTokens = overrides.completionTokens ?? NATURAL_TEXT_TOKENS.min + prng.int(NATURAL_TEXT_TOKENS.spread);
  const prose = generateProse(prng, naturalTokens);
  if (overrides.completionTokens !== undefined) prose.length = overrides.completionTokens; // exact length asked
  if (request.output.kind === 'json_object') return splitIntoTokenPieces(JSON.stringify({ answer: joinProse(prose) }));
  return splitIntoTokenPieces(joinProse(prose));
}

/**
 * Simulates the model: reasoning first (it uses up max_tokens like real reasoning models), then either
 * tool calls or an answer (prose, or JSON when a response format asks for it) that may be cut by
 * max_tokens (finish length — a cut JSON answer is invalid, as on the real APIs) or a stop sequence.
 * Pure and deterministic: the same request, overrides and cache outcome always give the same completion.
 */
export function simulateCompletion(request: SimRequest, overrides: SimContentOverrides, cache: SimCacheOutcome = { read: 0, write: 0 }): SimCompletion {
  const seed = seedOf(request, overrides);
  const prng = createPrng(seed);
  const promptTokens = countPromptTokens(request.messages, request.tools);
  const usage = (completionTokens: number, reasoningTokens: number): SimUsage => ({
    promptTokens,
    cachedTokens: Math.min(cache.read, promptTokens),
    cacheWriteTokens: Math.min(cache.write, promptTokens - Math.min(cache.read, promptTokens)),
    completionTokens,
    reasoningTokens,
  });
  let budget = request.maxTokens ?? Number.POSITIVE_INFINITY;

  const thought = reasoningOf(request, prng, budget);
  const reasoning = thought && { text: thought.text, signature: signatureOf(thought.text) };
  const reasoningTokens = thought?.tokens ?? 0;
  budget -= reasoningTokens;
  const nothing = { reasoning, text: '', toolCalls: [], toolCallSignature: undefined };
  if (budget <= 0) return { ...nothing, finish: { reason: 'length' }, usage: usage(reasoningTokens, reasoningTokens) };

  const tools = toolsToCall(request);
  if (tools.length > 0) {
    const toolCalls = tools.map((tool) => ({ idSuffix: prng.id(24), name: tool.name, arguments: toolArgumentsFor(tool.parameters, prng) }));
    const tokens = toolCalls.reduce((sum, call) => sum + countToolCallTokens(call.name, call.arguments), 0);
    const toolCallSignature = reasoning ? signatureOf(toolCallsText(toolCalls)) : undefined;
    return { ...nothing, toolCalls, toolCallSignature, finish: { reason: 'tool_call' }, usage: usage(tokens + reasoningTokens, reasoningTokens) };
  }

  const pieces = answerPieces(request, prng, overrides);
  const truncated = countTokens(pieces.join('')) > budget;
  let text = truncated ? pieces.slice(0, budget).join('') : pieces.join('');
  let finish: SimFinish = truncated ? { reason: 'length' } : { reason: 'end' };
  const cut = cutAtStopSequence(text, request.stop);
  if (cut !== undefined) {
    text = cut.text;
    finish = { reason: 'stop_sequence', sequence: cut.sequence };
  }
  return { ...nothing, text, finish, usage: usage(countTokens(text) + reasoningTokens, reasoningTokens) };
}

/** What a turn's thought signature over its function calls signs (names and canonical arguments). */
export function toolCallsText(calls: ReadonlyArray<{ name: string; arguments: string }>): string {
  return calls.map((call) => `${call.name} ${call.arguments}`).join('\n');
}
