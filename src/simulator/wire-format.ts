import type { SimCompletion } from './completion.js';
import type { SimRequest } from './sim-request.js';
import type { SimRoute } from './router.js';

/** Errors the simulator can answer with; each format renders them in its own shape and status. */
export type SimErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'not_found'
  | 'payload_too_large'
  | 'rate_limited'
  | 'server_error'
  | 'bad_gateway'
  | 'unavailable'
  | 'overloaded';

/** One server-sent event; `tokens` = output tokens it carries (drives pacing and fault placement). */
export interface SseFrame {
  event?: string;
  data: string;
  tokens: number;
}

export interface ResponseMeta {
  /** Random per response; formats prefix it (chatcmpl-, msg_…). */
  nonce: string;
  /** Unix seconds. */
  created: number;
}

export interface WireRenderer {
  json(completion: SimCompletion, meta: ResponseMeta): unknown;
  stream(completion: SimCompletion, meta: ResponseMeta): SseFrame[];
  /** The event a provider sends when it fails after the stream started (Anthropic: `event: error`, overloaded_error). */
  midStreamError(): SseFrame;
}

/** json = one body; sse = text/event-stream; json-array = Gemini's streamed JSON array (no alt=sse). */
export type Transport = 'json' | 'sse' | 'json-array';

export type ParsedRequest =
  | { ok: true; request: SimRequest; transport: Transport; render: WireRenderer }
  | { ok: false; message: string };

export interface ErrorReply {
  status: number;
  body: unknown;
}

/** One upstream wire family: how its requests parse and how its answers and errors look. */
export interface WireFormat {
  parse(body: unknown, route: SimRoute): ParsedRequest;
  error(kind: SimErrorKind, message: string): ErrorReply;
  /** The API key, if present in the shape this family expects (only checked when auth is required). */
  credential(headers: Record<string, string | string[] | undefined>, url: URL): string | undefined;
}

export const STATUS_OF: Readonly<Record<SimErrorKind, number>> = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  payload_too_large: 413,
  rate_limited: 429,
  server_error: 500,
  bad_gateway: 502,
  unavailable: 503,
  overloaded: 529,
};

/** Serializes frames as SSE text. */
export function encodeFrame(frame: SseFrame): string {
  return frame.event === undefined ? `data: ${frame.data}\n\n` : `event: ${frame.event}\ndata: ${frame.data}\n\n`;
}

/** A zod issue list as one readable line. */
export function describeIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
