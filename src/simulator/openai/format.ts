import { describeIssues, STATUS_OF, type SimErrorKind, type WireFormat } from '../wire-format.js';
import { openAiRequestSchema } from './schema.js';
import { toSimRequest } from './parse.js';
import { openAiRenderer } from './render.js';

const ERROR_TYPE: Readonly<Record<SimErrorKind, { type: string; code: string | null }>> = {
  bad_request: { type: 'invalid_request_error', code: null },
  unauthorized: { type: 'invalid_request_error', code: 'invalid_api_key' },
  not_found: { type: 'invalid_request_error', code: 'not_found' },
  payload_too_large: { type: 'invalid_request_error', code: 'request_too_large' },
  rate_limited: { type: 'requests', code: 'rate_limit_exceeded' },
  server_error: { type: 'server_error', code: 'server_error' },
  bad_gateway: { type: 'server_error', code: 'bad_gateway' },
  unavailable: { type: 'server_error', code: 'service_unavailable' },
  overloaded: { type: 'server_error', code: 'overloaded' },
};

/** OpenAI Chat Completions, also spoken by every OpenAI-compatible provider. */
export const openAiFormat: WireFormat = {
  parse(body) {
    const parsed = openAiRequestSchema.safeParse(body);
    if (!parsed.success) return { ok: false, message: describeIssues(parsed.error.issues) };
    const request = toSimRequest(parsed.data);
    const includeUsage = parsed.data.stream_options?.include_usage === true;
    return { ok: true, request, transport: parsed.data.stream === true ? 'sse' : 'json', render: openAiRenderer(request.model, includeUsage, request.logprobs) };
  },
  error(kind, message) {
    const { type, code } = ERROR_TYPE[kind];
    return { status: STATUS_OF[kind], body: { error: { message, type, param: null, code } } };
  },
  credential(headers) {
    return /^Bearer (\S+)$/.exec(String(headers.authorization ?? ''))?.[1];
  },
};
