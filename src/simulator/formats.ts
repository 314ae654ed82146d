import { anthropicFormat } from './anthropic/format.js';
import { geminiFormat } from './gemini/format.js';
import { openAiFormat } from './openai/format.js';
import type { WireFamily } from './router.js';
import type { WireFormat } from './wire-format.js';

export const FORMATS: Readonly<Record<WireFamily, WireFormat>> = {
  openai: openAiFormat,
  anthropic: anthropicFormat,
  gemini: geminiFormat,
};
