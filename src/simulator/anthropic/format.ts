import { describeIssues, STATUS_OF, type SimErrorKind, type WireFormat } from '../wire-format.js';
import { anthropicRequestSchema } from './schema.js';
import { replayProblem, toSimRequest } from './parse.js';
import { anthropicRenderer } from './render.js';

const ERROR_TYPE: Readonly<Record<SimErrorKind, string>> = {
  bad_request: 'invalid_request_error',
  unauthorized: 'authentication_error',
  not_found: 'not_found_error',
  payload_too_large: 'request_too_large',
  rate_limited: 'rate_limit_error',
  server_error: 'api_error',
  bad_gateway: 'api_error',
  unavailable: 'api_error',
  overloaded: 'overloaded_error',
};

/** Anthropic Messages API. */
export const anthropicFormat: WireFormat = {
  parse(body) {
    const parsed = anthropicRequestSchema.safeParse(body);
    if (!parsed.success) return { ok: false, message: describeIssues(parsed.error.issues) };
    const problem = replayProblem(parsed.data);
    if (problem !== undefined) return { ok: false, message: problem };
    const request = toSimRequest(parsed.data);
    return { ok: true, request, transport: parsed.data.stream === true ? 'sse' : 'json', render: anthropicRenderer(request.model) };
  },
  error(kind, message) {
    return { status: STATUS_OF[kind], body: { type: 'error', error: { type: ERROR_TYPE[kind], message } } };
  },
  credential(headers) {
    if (typeof headers['anthropic-version'] !== 'string') return undefined;
    const key = headers['x-api-key'] ?? /^Bearer (\S+)$/.exec(String(headers.authorization ?? ''))?.[1];
    return typeof key === 'string' && key !== '' ? key : undefined;
  },
};
