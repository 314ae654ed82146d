import type { z } from 'zod';
import { SwitchyardError, toSwitchyardError } from '../core/errors.js';
import type { StreamPart } from '../core/llm/stream-part.js';

/** JSON text from upstream → schema-checked value, or `upstream_bad_response` with the offending snippet. */
export function parseWireJson<S extends z.ZodType>(text: string, schema: S, what: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SwitchyardError('upstream_bad_response', `malformed JSON in ${what}`, { rawSnippet: text, reason: 'malformed_json' });
  }
  return checkWireShape(json, schema, what, text);
}

/** Already-parsed upstream JSON → schema-checked value, or `upstream_bad_response`. */
export function checkWireShape<S extends z.ZodType>(json: unknown, schema: S, what: string, rawText?: string): z.output<S> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
  throw new SwitchyardError('upstream_bad_response', `unexpected ${what} shape (${where})`, {
    rawSnippet: rawText ?? safeStringify(json),
    reason: 'unexpected_shape',
  });
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Wraps a response parser so bad upstream data becomes a final `error` part instead of a throw. */
export function safeParts(parse: (json: unknown) => StreamPart[]): (json: unknown) => StreamPart[] {
  return (json) => {
    try {
      return parse(json);
    } catch (error) {
      return [{ type: 'error', error: toSwitchyardError(error) }];
    }
  };
}
