import { SwitchyardError, toSwitchyardError } from '../core/errors.js';
import type { ChatRequest } from '../core/llm/request.js';
import type { StreamPart } from '../core/llm/stream-part.js';
import type { ProviderAdapter, UpstreamTarget } from './adapter.js';
import { ERROR_BODY_BYTES, type UpstreamHttpClient, type UpstreamResponse } from './http-client.js';

export interface InvokeOptions {
  signal?: AbortSignal;
}

/**
 * One streamed attempt: build the request, send it, and yield normalized parts. Never throws: any
 * failure (HTTP error, wrong content type, timeout, cancel, bad data) is the final `error` part.
 */
export async function* streamCompletion(
  adapter: ProviderAdapter,
  client: UpstreamHttpClient,
  request: ChatRequest,
  target: UpstreamTarget,
  options: InvokeOptions = {},
): AsyncGenerator<StreamPart> {
  let response: UpstreamResponse;
  try {
    response = await client.send(adapter.buildRequest(request, target, { stream: true }), options.signal);
  } catch (error) {
    yield { type: 'error', error: toSwitchyardError(error) };
    return;
  }
  const failure = await rejectUnusable(adapter, response, 'text/event-stream');
  if (failure) {
    yield { type: 'error', error: failure };
    return;
  }
  yield* adapter.parseStream(response.body);
}

/** One non-streamed attempt: the parts of the JSON response (fold them for the result). Never throws. */
export async function completeOnce(
  adapter: ProviderAdapter,
  client: UpstreamHttpClient,
  request: ChatRequest,
  target: UpstreamTarget,
  options: InvokeOptions = {},
): Promise<StreamPart[]> {
  try {
    const response = await client.send(adapter.buildRequest(request, target, { stream: false }), options.signal);
    const failure = await rejectUnusable(adapter, response, 'application/json');
    if (failure) return [{ type: 'error', error: failure }];
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return [{ type: 'error', error: new SwitchyardError('upstream_bad_response', 'malformed JSON response', { reason: 'malformed_json', rawSnippet: text }) }];
    }
    return adapter.parseResponse(json);
  } catch (error) {
    return [{ type: 'error', error: toSwitchyardError(error) }];
  }
}

/** Non-2xx → the family's classification; 2xx of the wrong content type → upstream_bad_response. */
async function rejectUnusable(adapter: ProviderAdapter, response: UpstreamResponse, expected: string): Promise<SwitchyardError | undefined> {
  if (response.status >= 200 && response.status < 300 && response.contentType === expected) return undefined;
  const body = await response.text(ERROR_BODY_BYTES).catch(() => '');
  if (response.status < 200 || response.status >= 300) return adapter.classifyError(response.status, response.headers, body);
  return new SwitchyardError('upstream_bad_response', `expected ${expected} from upstream, got ${response.contentType || 'no content type'}`, {
    reason: 'wrong_content_type',
    providerStatus: response.status,
    rawSnippet: body,
  });
}
