import type { ProviderAdapter } from '../adapter.js';
import { classifyOpenAiError } from './errors.js';
import { buildOpenAiRequest } from './request.js';
import { parseOpenAiResponse } from './response.js';
import { parseOpenAiStream } from './stream.js';
import { safeParts } from '../wire-json.js';

/** OpenAI Chat Completions — also every OpenAI-compatible provider (see compatible-providers.ts). */
export const openAiAdapter: ProviderAdapter = {
  family: 'openai',
  buildRequest: buildOpenAiRequest,
  parseStream: parseOpenAiStream,
  parseResponse: safeParts(parseOpenAiResponse),
  classifyError: classifyOpenAiError,
};
