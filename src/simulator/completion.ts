import { createPrng, hashString, type Prng } from './prng.js';
import { generateProse, joinProse } from './text-generator.js';
import { toolArgumentsFor } from './tool-arguments.js';
import { countMessageTokens, countPromptTokens, countTokens, countToolCallTokens, countToolTokens } from './tokens.js';
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
  /** Text + reasoning + tool call tokens. */
  completionTokens: number;
  reasoningTokens: number;
}

/** The full simulated answer; every wire format renders it, streamed or not, so both agree exactly. */
export interface SimCompletion {
  reasoning: { text: string; signature: string } | undefined;
  text: string;
  toolCall: SimToolCall | undefined;
  finish: SimFinish;
  usage: SimUsage;
}

// Implicit prompt caching as OpenAI documents it: prefixes of ≥ 1024 tokens, in 128-token steps.
const CACHE_MIN_TOKENS = 1024;
const CACHE_BLOCK_TOKENS = 128;
const NATURAL_TEXT_TOKENS = { min: 20, spread: 100 };
const NATURAL_REASONING_TOKENS = { min: 16, spread: 48 };

function seedOf(request: SimRequest, overrides: SimContentOverrides): number {
  const prompt = request.messages.map((m) => `${m.role}:${m.text}`).join('\n');
  const tools = request.tools.map((t) => t.name).join(',');
  return hashString(`${overrides.seed ?? ''}|${request.model}|${tools}|${prompt}`);
}

function cachedTokensOf(request: SimRequest): number {
  const policy = request.cache;
  if (policy.kind === 'none') return 0;
  const prefixMessages = policy.kind === 'automatic' ? request.messages.length - 1 : policy.prefixMessages;
  let prefix = 0;
  for (const tool of request.tools) prefix += countToolTokens(tool);
  for (const message of request.messages.slice(0, Math.max(0, prefixMessages))) prefix += countMessageTokens(message);
  return prefix >= CACHE_MIN_TOKENS ? Math.floor(prefix / CACHE_BLOCK_TOKENS) * CACHE_BLOCK_TOKENS : 0;
}

/** Tool to call, if any: the named one, else the first — unless the model was just given a tool result. */
function toolToCall(request: SimRequest): SimTool | undefined {
  const choice = request.toolChoice;
  switch (choice.type) {
    case 'none':
      return undefined;
    case 'tool':
      return request.tools.find((tool) => tool.name === choice.name);
    case 'required':
      return request.tools[0];
    case 'auto':
      // Answering in text after a tool result keeps agent loops finite, as a real model would.
      return request.messages.at(-1)?.role === 'tool' ? undefined : request.tools[0];
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

/**
 * Simulates the model: reasoning first (it uses up max_tokens like real reasoning models), then either
 * a tool call or prose that may be cut by max_tokens (finish length) or a stop sequence (not emitted).
 * Pure and deterministic: the same request and overrides always give the same completion.
 */
export function simulateCompletion(request: SimRequest, overrides: SimContentOverrides): SimCompletion {
  const seed = seedOf(request, overrides);
  const prng = createPrng(seed);
  const promptTokens = countPromptTokens(request.messages, request.tools);
  const usage = (completionTokens: number, reasoningTokens: number): SimUsage => ({
    promptTokens,
    cachedTokens: cachedTokensOf(request),
    completionTokens,
    reasoningTokens,
  });
  let budget = request.maxTokens ?? Number.POSITIVE_INFINITY;

  const thought = reasoningOf(request, prng, budget);
  const reasoning = thought && { text: thought.text, signature: `sig_${seed.toString(16)}${prng.id(24)}` };
  const reasoningTokens = thought?.tokens ?? 0;
  budget -= reasoningTokens;
  if (budget <= 0) {
    return { reasoning, text: '', toolCall: undefined, finish: { reason: 'length' }, usage: usage(reasoningTokens, reasoningTokens) };
  }

  const tool = toolToCall(request);
  if (tool !== undefined) {
    const toolCall = { idSuffix: prng.id(24), name: tool.name, arguments: toolArgumentsFor(tool.parameters, prng) };
    const tokens = countToolCallTokens(toolCall.name, toolCall.arguments);
    return { reasoning, text: '', toolCall, finish: { reason: 'tool_call' }, usage: usage(tokens + reasoningTokens, reasoningTokens) };
  }

  const naturalTokens = overrides.completionTokens ?? NATURAL_TEXT_TOKENS.min + prng.int(NATURAL_TEXT_TOKENS.spread);
  const prose = generateProse(prng, naturalTokens);
  if (overrides.completionTokens !== undefined) prose.length = overrides.completionTokens; // exact length asked
  const truncated = prose.length > budget;
  let text = joinProse(truncated ? prose.slice(0, budget) : prose);
  let finish: SimFinish = truncated ? { reason: 'length' } : { reason: 'end' };
  const cut = cutAtStopSequence(text, request.stop);
  if (cut !== undefined) {
    text = cut.text;
    finish = { reason: 'stop_sequence', sequence: cut.sequence };
  }
  return { reasoning, text, toolCall: undefined, finish, usage: usage(countTokens(text) + reasoningTokens, reasoningTokens) };
}
