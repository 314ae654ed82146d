import type { ProviderAdapter } from '../adapter.js';
import { safeParts } from '../wire-json.js';
import { classifyGeminiError } from './errors.js';
import { buildGeminiRequest } from './request.js';
import { parseGeminiResponse } from './response.js';
import { parseGeminiStream } from './stream.js';

/** Gemini API (generativelanguage.googleapis.com) generateContent / streamGenerateContent. */
export const geminiAdapter: ProviderAdapter = {
  family: 'gemini',
  buildRequest: buildGeminiRequest,
  parseStream: parseGeminiStream,
  parseResponse: safeParts(parseGeminiResponse),
  classifyError: classifyGeminiError,
};
