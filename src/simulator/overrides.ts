import type { IncomingHttpHeaders } from 'node:http';
import { FAULT_HEADER_VALUES, faultFromHeader, type SimFault } from './faults.js';
import type { SimContentOverrides } from './sim-request.js';

/** Per-request test controls, read from `x-sim-*` headers (documented in README.md). */
export interface SimOverrides {
  fault: SimFault | undefined;
  ttftMs: number | undefined;
  tokensPerSecond: number | undefined;
  stallMs: number | undefined;
  content: SimContentOverrides;
}

export type OverridesResult = { ok: true; overrides: SimOverrides } | { ok: false; message: string };

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function nonNegative(headers: IncomingHttpHeaders, name: string, problems: string[]): number | undefined {
  const raw = header(headers, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0) problems.push(`${name} must be a non-negative number`);
  return value;
}

export function readOverrides(headers: IncomingHttpHeaders): OverridesResult {
  const problems: string[] = [];
  const faultValue = header(headers, 'x-sim-fault');
  const fault = faultValue === undefined ? undefined : faultFromHeader(faultValue);
  if (faultValue !== undefined && fault === undefined) {
    problems.push(`x-sim-fault must be one of ${FAULT_HEADER_VALUES.join(', ')}`);
  }
  const tokensPerSecond = nonNegative(headers, 'x-sim-tokens-per-second', problems);
  if (tokensPerSecond === 0) problems.push('x-sim-tokens-per-second must be positive');
  const completionTokens = nonNegative(headers, 'x-sim-completion-tokens', problems);
  if (completionTokens !== undefined && !Number.isInteger(completionTokens)) problems.push('x-sim-completion-tokens must be an integer');
  const overrides: SimOverrides = {
    fault,
    ttftMs: nonNegative(headers, 'x-sim-ttft-ms', problems),
    tokensPerSecond,
    stallMs: nonNegative(headers, 'x-sim-stall-ms', problems),
    content: { seed: header(headers, 'x-sim-seed'), completionTokens },
  };
  return problems.length > 0 ? { ok: false, message: problems.join('; ') } : { ok: true, overrides };
}
