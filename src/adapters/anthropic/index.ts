import type { ProviderAdapter } from '../adapter.js';
import { safeParts } from '../wire-json.js';
import { classifyAnthropicError } from './errors.js';
import { buildAnthropicRequest } from './request.js';
import { parseAnthropicResponse } from './response.js';
import { parseAnthropicStream } from './stream.js';

/** Anthropic Messages API. */
export const anthropicAdapter: ProviderAdapter = {
  family: 'anthropic',
  buildRequest: buildAnthropicRequest,
  parseStream: parseAnthropicStream,
  parseResponse: safeParts(parseAnthropicResponse),
  classifyError: classifyAnthropicError,
};
