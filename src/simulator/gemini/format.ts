import { describeIssues, STATUS_OF, type SimErrorKind, type WireFormat } from '../wire-format.js';
import { geminiRequestSchema } from './schema.js';
import { replayProblem, toSimRequest } from './parse.js';
import { geminiRenderer } from './render.js';

const STATUS_NAME: Readonly<Record<SimErrorKind, string>> = {
  bad_request: 'INVALID_ARGUMENT',
  unauthorized: 'UNAUTHENTICATED',
  not_found: 'NOT_FOUND',
  payload_too_large: 'INVALID_ARGUMENT',
  rate_limited: 'RESOURCE_EXHAUSTED',
  server_error: 'INTERNAL',
  bad_gateway: 'UNAVAILABLE',
  unavailable: 'UNAVAILABLE',
  overloaded: 'UNAVAILABLE',
};

/** Gemini generateContent / streamGenerateContent (SSE with alt=sse, else a streamed JSON array). */
export const geminiFormat: WireFormat = {
  parse(body, route) {
    if (route.family !== 'gemini') return { ok: false, message: 'not a Gemini route' };
    const parsed = geminiRequestSchema.safeParse(body);
    if (!parsed.success) return { ok: false, message: describeIssues(parsed.error.issues) };
    const problem = replayProblem(parsed.data);
    if (problem !== undefined) return { ok: false, message: problem };
    const request = toSimRequest(parsed.data, route.model);
    const includeThoughts = parsed.data.generationConfig?.thinkingConfig?.includeThoughts === true;
    const transport = !route.streaming ? 'json' : route.sse ? 'sse' : 'json-array';
    return { ok: true, request, transport, render: geminiRenderer(route.model, includeThoughts, request.logprobs) };
  },
  error(kind, message) {
    const code = STATUS_OF[kind];
    return { status: code, body: { error: { code, message, status: STATUS_NAME[kind] } } };
  },
  credential(headers, url) {
    const key = headers['x-goog-api-key'];
    return typeof key === 'string' && key !== '' ? key : (url.searchParams.get('key') || undefined);
  },
};
