/**
 * Seeded model catalog: providers, models and provider endpoints reflecting the
 * public market (OpenRouter-style ids, public list prices as of mid-2025).
 *
 * Prices are USD per token (per unit for request/image/webSearch) as exact
 * decimal strings with at most 12 decimal places, so they convert losslessly
 * to integer pico-dollars. '0' means free or not applicable.
 *
 * Reasoning tokens are billed as completion tokens by every provider listed
 * here, so `internalReasoning` is '0' throughout (no separate rate).
 *
 * Data only: no logic beyond constants lives in this file.
 */

export type WireFamily = 'openai' | 'anthropic' | 'gemini';
export type Quantization = 'int4' | 'int8' | 'fp4' | 'fp6' | 'fp8' | 'fp16' | 'bf16' | 'fp32' | 'unknown';
export interface SeedProvider {
  slug: string;               // 'openai', 'together', ...
  name: string;               // display name
  family: WireFamily;         // wire format the provider speaks (OpenAI-compatible hosts are 'openai')
  baseUrl: string;            // real public API base URL, e.g. 'https://api.together.xyz/v1'
  privacyPolicyUrl: string;
  termsOfServiceUrl: string;
  statusPageUrl: string | null;
  dataPolicy: { trainsOnData: boolean; retainsPrompts: boolean; retentionDays: number | null; zdr: boolean };
}
export interface SeedModel {
  id: string;                 // 'author/slug' as on OpenRouter, e.g. 'meta-llama/llama-3.3-70b-instruct'
  canonicalSlug: string;      // OpenRouter canonical slug, e.g. 'meta-llama/llama-3.3-70b-instruct' or dated variant
  name: string;               // 'Meta: Llama 3.3 70B Instruct'
  description: string;        // 1-3 sentences, factual
  contextLength: number;
  inputModalities: ('text' | 'image' | 'file' | 'audio')[];
  outputModalities: ('text' | 'image')[];
  tokenizer: string;          // 'GPT', 'Claude', 'Gemini', 'Llama3', 'Mistral', 'Qwen', 'DeepSeek', ...
  instructType: string | null;
  created: number;            // unix seconds, roughly the real release date
  isModerated: boolean;       // true for openai/anthropic first-party like OpenRouter reports
}
/** USD per token (or per unit for request/image/webSearch) as exact decimal strings, e.g. '0.0000025'. '0' when free/not applicable. */
export interface SeedPricing {
  prompt: string; completion: string; request: string; image: string; webSearch: string;
  internalReasoning: string; inputCacheRead: string; inputCacheWrite: string;
}
export interface SeedEndpoint {
  model: string;              // SeedModel.id
  provider: string;           // SeedProvider.slug
  providerModelId: string;    // the id the provider's own API expects, e.g. 'meta-llama/Llama-3.3-70B-Instruct-Turbo' on together
  contextLength: number;
  maxCompletionTokens: number | null;
  quantization: Quantization;
  supportedParameters: string[]; // OpenRouter names: tools, tool_choice, max_tokens, temperature, top_p, top_k, stop, seed, frequency_penalty, presence_penalty, repetition_penalty, min_p, logit_bias, logprobs, top_logprobs, response_format, structured_outputs, reasoning, include_reasoning, parallel_tool_calls
  pricing: SeedPricing;
}

// ---------------------------------------------------------------------------
// Providers
// ---------------------------------------------------------------------------

export const seedProviders: readonly SeedProvider[] = [
  {
    // API inputs/outputs are not used for training; retained up to 30 days for abuse monitoring.
    slug: 'openai',
    name: 'OpenAI',
    family: 'openai',
    baseUrl: 'https://api.openai.com/v1',
    privacyPolicyUrl: 'https://openai.com/policies/privacy-policy/',
    termsOfServiceUrl: 'https://openai.com/policies/business-terms/',
    statusPageUrl: 'https://status.openai.com',
    dataPolicy: { trainsOnData: false, retainsPrompts: true, retentionDays: 30, zdr: false },
  },
  {
    // Commercial API data is not used for training; retained up to 30 days (longer if flagged for policy violations).
    slug: 'anthropic',
    name: 'Anthropic',
    family: 'anthropic',
    baseUrl: 'https://api.anthropic.com/v1',
    privacyPolicyUrl: 'https://www.anthropic.com/legal/privacy',
    termsOfServiceUrl: 'https://www.anthropic.com/legal/commercial-terms',
    statusPageUrl: 'https://status.anthropic.com',
    dataPolicy: { trainsOnData: false, retainsPrompts: true, retentionDays: 30, zdr: false },
  },
  {
    // Paid-tier Gemini API data is not used for training; prompts are logged for 55 days for abuse monitoring.
    slug: 'google',
    name: 'Google AI Studio',
    family: 'gemini',
    baseUrl: 'https://generativelanguage.googleapis.com',
    privacyPolicyUrl: 'https://policies.google.com/privacy',
    termsOfServiceUrl: 'https://ai.google.dev/gemini-api/terms',
    statusPageUrl: 'https://aistudio.google.com/status',
    dataPolicy: { trainsOnData: false, retainsPrompts: true, retentionDays: 55, zdr: false },
  },
  {
    slug: 'together',
    name: 'Together',
    family: 'openai',
    baseUrl: 'https://api.together.xyz/v1',
    privacyPolicyUrl: 'https://www.together.ai/privacy',
    termsOfServiceUrl: 'https://www.together.ai/terms-of-service',
    statusPageUrl: 'https://status.together.ai',
    dataPolicy: { trainsOnData: false, retainsPrompts: false, retentionDays: null, zdr: true },
  },
  {
    slug: 'fireworks',
    name: 'Fireworks',
    family: 'openai',
    baseUrl: 'https://api.fireworks.ai/inference/v1',
    privacyPolicyUrl: 'https://fireworks.ai/privacy-policy',
    termsOfServiceUrl: 'https://fireworks.ai/terms-of-service',
    statusPageUrl: 'https://status.fireworks.ai',
    dataPolicy: { trainsOnData: false, retainsPrompts: false, retentionDays: null, zdr: true },
  },
  {
    slug: 'deepinfra',
    name: 'DeepInfra',
    family: 'openai',
    baseUrl: 'https://api.deepinfra.com/v1/openai',
    privacyPolicyUrl: 'https://deepinfra.com/privacy',
    termsOfServiceUrl: 'https://deepinfra.com/terms',
    statusPageUrl: 'https://status.deepinfra.com',
    dataPolicy: { trainsOnData: false, retainsPrompts: false, retentionDays: null, zdr: true },
  },
  {
    slug: 'groq',
    name: 'Groq',
    family: 'openai',
    baseUrl: 'https://api.groq.com/openai/v1',
    privacyPolicyUrl: 'https://groq.com/privacy-policy/',
    termsOfServiceUrl: 'https://groq.com/terms-of-use/',
    statusPageUrl: 'https://groqstatus.com',
    dataPolicy: { trainsOnData: false, retainsPrompts: false, retentionDays: null, zdr: true },
  },
  {
    // Paid API traffic is not used for training; retained 30 days for abuse monitoring.
    slug: 'mistral',
    name: 'Mistral',
    family: 'openai',
    baseUrl: 'https://api.mistral.ai/v1',
    privacyPolicyUrl: 'https://mistral.ai/terms#privacy-policy',
    termsOfServiceUrl: 'https://mistral.ai/terms#terms-of-service',
    statusPageUrl: 'https://status.mistral.ai',
    dataPolicy: { trainsOnData: false, retainsPrompts: true, retentionDays: 30, zdr: false },
  },
  {
    // Per its terms DeepSeek may use inputs to improve its services; retention period unspecified.
    slug: 'deepseek',
    name: 'DeepSeek',
    family: 'openai',
    baseUrl: 'https://api.deepseek.com/v1',
    privacyPolicyUrl: 'https://cdn.deepseek.com/policies/en-US/deepseek-privacy-policy.html',
    termsOfServiceUrl: 'https://cdn.deepseek.com/policies/en-US/deepseek-terms-of-use.html',
    statusPageUrl: 'https://status.deepseek.com',
    dataPolicy: { trainsOnData: true, retainsPrompts: true, retentionDays: null, zdr: false },
  },
  {
    slug: 'novita',
    name: 'NovitaAI',
    family: 'openai',
    baseUrl: 'https://api.novita.ai/v3/openai',
    privacyPolicyUrl: 'https://novita.ai/legal/privacy-policy',
    termsOfServiceUrl: 'https://novita.ai/legal/terms-of-service',
    statusPageUrl: null,
    dataPolicy: { trainsOnData: false, retainsPrompts: false, retentionDays: null, zdr: false },
  },
  {
    slug: 'lambda',
    name: 'Lambda',
    family: 'openai',
    baseUrl: 'https://api.lambda.ai/v1',
    privacyPolicyUrl: 'https://lambda.ai/legal/privacy-policy',
    termsOfServiceUrl: 'https://lambda.ai/legal/terms-of-service',
    statusPageUrl: null,
    dataPolicy: { trainsOnData: false, retainsPrompts: false, retentionDays: null, zdr: true },
  },
];

// ---------------------------------------------------------------------------
// Models
// ---------------------------------------------------------------------------

export const seedModels: readonly SeedModel[] = [
  {
    id: 'openai/gpt-4o',
    canonicalSlug: 'openai/gpt-4o',
    name: 'OpenAI: GPT-4o',
    description:
      "GPT-4o is OpenAI's flagship omni model, accepting text and image inputs with text output. It matches GPT-4 Turbo on English text and code while being faster and cheaper.",
    contextLength: 128000,
    inputModalities: ['text', 'image', 'file'],
    outputModalities: ['text'],
    tokenizer: 'GPT',
    instructType: null,
    created: 1715558400, // 2024-05-13
    isModerated: true,
  },
  {
    id: 'openai/gpt-4o-mini',
    canonicalSlug: 'openai/gpt-4o-mini',
    name: 'OpenAI: GPT-4o-mini',
    description:
      "GPT-4o mini is OpenAI's small, low-cost multimodal model, succeeding GPT-3.5 Turbo. It accepts text and image inputs and supports structured outputs and tool calling.",
    contextLength: 128000,
    inputModalities: ['text', 'image', 'file'],
    outputModalities: ['text'],
    tokenizer: 'GPT',
    instructType: null,
    created: 1721260800, // 2024-07-18
    isModerated: true,
  },
  {
    id: 'openai/gpt-4.1',
    canonicalSlug: 'openai/gpt-4.1-2025-04-14',
    name: 'OpenAI: GPT-4.1',
    description:
      'GPT-4.1 is a flagship OpenAI model optimized for instruction following, software engineering and long-context reasoning. It supports a context window of about one million tokens.',
    contextLength: 1047576,
    inputModalities: ['text', 'image', 'file'],
    outputModalities: ['text'],
    tokenizer: 'GPT',
    instructType: null,
    created: 1744588800, // 2025-04-14
    isModerated: true,
  },
  {
    id: 'openai/gpt-4.1-mini',
    canonicalSlug: 'openai/gpt-4.1-mini-2025-04-14',
    name: 'OpenAI: GPT-4.1 Mini',
    description:
      'GPT-4.1 Mini is a mid-sized model that delivers performance competitive with GPT-4o at substantially lower latency and cost, with a one-million-token context window.',
    contextLength: 1047576,
    inputModalities: ['text', 'image', 'file'],
    outputModalities: ['text'],
    tokenizer: 'GPT',
    instructType: null,
    created: 1744588800, // 2025-04-14
    isModerated: true,
  },
  {
    id: 'openai/o1',
    canonicalSlug: 'openai/o1-2024-12-17',
    name: 'OpenAI: o1',
    description:
      "o1 is OpenAI's first-generation reasoning model, trained to spend more time thinking before answering. It excels at math, science and coding problems.",
    contextLength: 200000,
    inputModalities: ['text', 'image', 'file'],
    outputModalities: ['text'],
    tokenizer: 'GPT',
    instructType: null,
    created: 1734393600, // 2024-12-17
    isModerated: true,
  },
  {
    id: 'openai/o3',
    canonicalSlug: 'openai/o3-2025-04-16',
    name: 'OpenAI: o3',
    description:
      'o3 is a well-rounded reasoning model from OpenAI that sets a high bar across math, science, coding and visual reasoning tasks. It supports tool use and image inputs.',
    contextLength: 200000,
    inputModalities: ['text', 'image', 'file'],
    outputModalities: ['text'],
    tokenizer: 'GPT',
    instructType: null,
    created: 1744761600, // 2025-04-16
    isModerated: true,
  },
  {
    id: 'openai/o3-mini',
    canonicalSlug: 'openai/o3-mini-2025-01-31',
    name: 'OpenAI: o3 Mini',
    description:
      'o3-mini is a cost-efficient reasoning model optimized for STEM tasks, particularly science, mathematics and coding. It supports a configurable reasoning effort.',
    contextLength: 200000,
    inputModalities: ['text', 'file'],
    outputModalities: ['text'],
    tokenizer: 'GPT',
    instructType: null,
    created: 1738281600, // 2025-01-31
    isModerated: true,
  },
  {
    id: 'anthropic/claude-sonnet-4',
    canonicalSlug: 'anthropic/claude-4-sonnet-20250522',
    name: 'Anthropic: Claude Sonnet 4',
    description:
      'Claude Sonnet 4 improves on Claude 3.7 Sonnet in coding and reasoning with more precise instruction following. It supports optional extended thinking.',
    contextLength: 200000,
    inputModalities: ['text', 'image', 'file'],
    outputModalities: ['text'],
    tokenizer: 'Claude',
    instructType: null,
    created: 1747872000, // 2025-05-22
    isModerated: true,
  },
  {
    id: 'anthropic/claude-opus-4',
    canonicalSlug: 'anthropic/claude-4-opus-20250522',
    name: 'Anthropic: Claude Opus 4',
    description:
      "Claude Opus 4 is Anthropic's most capable model at release, aimed at complex, long-running coding and agentic tasks. It supports extended thinking and tool use.",
    contextLength: 200000,
    inputModalities: ['text', 'image', 'file'],
    outputModalities: ['text'],
    tokenizer: 'Claude',
    instructType: null,
    created: 1747872000, // 2025-05-22
    isModerated: true,
  },
  {
    id: 'anthropic/claude-3.7-sonnet',
    canonicalSlug: 'anthropic/claude-3-7-sonnet-20250219',
    name: 'Anthropic: Claude 3.7 Sonnet',
    description:
      'Claude 3.7 Sonnet is a hybrid reasoning model that can answer quickly or use extended, step-by-step thinking. It is especially strong at coding and front-end development.',
    contextLength: 200000,
    inputModalities: ['text', 'image', 'file'],
    outputModalities: ['text'],
    tokenizer: 'Claude',
    instructType: null,
    created: 1740355200, // 2025-02-24
    isModerated: true,
  },
  {
    id: 'anthropic/claude-3.5-sonnet',
    canonicalSlug: 'anthropic/claude-3.5-sonnet',
    name: 'Anthropic: Claude 3.5 Sonnet',
    description:
      'The upgraded Claude 3.5 Sonnet (October 2024) offers strong coding, data science and visual processing capabilities at mid-tier pricing.',
    contextLength: 200000,
    inputModalities: ['text', 'image', 'file'],
    outputModalities: ['text'],
    tokenizer: 'Claude',
    instructType: null,
    created: 1729555200, // 2024-10-22
    isModerated: true,
  },
  {
    id: 'anthropic/claude-3.5-haiku',
    canonicalSlug: 'anthropic/claude-3-5-haiku',
    name: 'Anthropic: Claude 3.5 Haiku',
    description:
      "Claude 3.5 Haiku is Anthropic's fastest model of its generation, suited to real-time applications, sub-agent tasks and high-volume classification.",
    contextLength: 200000,
    inputModalities: ['text', 'image'],
    outputModalities: ['text'],
    tokenizer: 'Claude',
    instructType: null,
    created: 1730678400, // 2024-11-04
    isModerated: true,
  },
  {
    id: 'google/gemini-2.5-pro',
    canonicalSlug: 'google/gemini-2.5-pro',
    name: 'Google: Gemini 2.5 Pro',
    description:
      "Gemini 2.5 Pro is Google's state-of-the-art thinking model for advanced reasoning, coding, mathematics and science. It accepts text, images, audio and documents with a one-million-token context.",
    contextLength: 1048576,
    inputModalities: ['text', 'image', 'file', 'audio'],
    outputModalities: ['text'],
    tokenizer: 'Gemini',
    instructType: null,
    created: 1750118400, // 2025-06-17
    isModerated: false,
  },
  {
    id: 'google/gemini-2.5-flash',
    canonicalSlug: 'google/gemini-2.5-flash',
    name: 'Google: Gemini 2.5 Flash',
    description:
      "Gemini 2.5 Flash is Google's price-performance workhorse with built-in thinking that can be budgeted or disabled. It is multimodal with a one-million-token context.",
    contextLength: 1048576,
    inputModalities: ['text', 'image', 'file', 'audio'],
    outputModalities: ['text'],
    tokenizer: 'Gemini',
    instructType: null,
    created: 1750118400, // 2025-06-17
    isModerated: false,
  },
  {
    id: 'google/gemini-2.0-flash-001',
    canonicalSlug: 'google/gemini-2.0-flash-001',
    name: 'Google: Gemini 2.0 Flash',
    description:
      'Gemini 2.0 Flash offers significantly faster time to first token than Gemini 1.5 Flash with quality comparable to larger models. It supports multimodal input and function calling.',
    contextLength: 1048576,
    inputModalities: ['text', 'image', 'file', 'audio'],
    outputModalities: ['text'],
    tokenizer: 'Gemini',
    instructType: null,
    created: 1738713600, // 2025-02-05
    isModerated: false,
  },
  {
    id: 'meta-llama/llama-3.1-8b-instruct',
    canonicalSlug: 'meta-llama/llama-3.1-8b-instruct',
    name: 'Meta: Llama 3.1 8B Instruct',
    description:
      "Meta's Llama 3.1 8B Instruct is a fast, efficient open-weight model tuned for dialogue. It supports a 128K context window.",
    contextLength: 131072,
    inputModalities: ['text'],
    outputModalities: ['text'],
    tokenizer: 'Llama3',
    instructType: 'llama3',
    created: 1721692800, // 2024-07-23
    isModerated: false,
  },
  {
    id: 'meta-llama/llama-3.3-70b-instruct',
    canonicalSlug: 'meta-llama/llama-3.3-70b-instruct',
    name: 'Meta: Llama 3.3 70B Instruct',
    description:
      'Llama 3.3 70B Instruct is a multilingual, instruction-tuned open-weight model that approaches Llama 3.1 405B quality on many benchmarks at a fraction of the cost.',
    contextLength: 131072,
    inputModalities: ['text'],
    outputModalities: ['text'],
    tokenizer: 'Llama3',
    instructType: 'llama3',
    created: 1733443200, // 2024-12-06
    isModerated: false,
  },
  {
    id: 'meta-llama/llama-3.1-405b-instruct',
    canonicalSlug: 'meta-llama/llama-3.1-405b-instruct',
    name: 'Meta: Llama 3.1 405B Instruct',
    description:
      "Llama 3.1 405B Instruct is Meta's largest Llama 3.1 model, an open-weight dense model competitive with leading closed models on general knowledge and tool use.",
    contextLength: 131072,
    inputModalities: ['text'],
    outputModalities: ['text'],
    tokenizer: 'Llama3',
    instructType: 'llama3',
    created: 1721692800, // 2024-07-23
    isModerated: false,
  },
  {
    id: 'meta-llama/llama-4-maverick',
    canonicalSlug: 'meta-llama/llama-4-maverick-17b-128e-instruct',
    name: 'Meta: Llama 4 Maverick',
    description:
      'Llama 4 Maverick 17B Instruct (128E) is a mixture-of-experts multimodal model from Meta with 17B active parameters out of 400B total. It accepts text and image input.',
    contextLength: 1048576,
    inputModalities: ['text', 'image'],
    outputModalities: ['text'],
    tokenizer: 'Llama4',
    instructType: null,
    created: 1743811200, // 2025-04-05
    isModerated: false,
  },
  {
    id: 'mistralai/mistral-large-2411',
    canonicalSlug: 'mistralai/mistral-large-2411',
    name: 'Mistral Large 2411',
    description:
      "Mistral Large 2 (November 2024 revision) is Mistral's flagship dense model with improved long-context handling, function calling and system-prompt adherence.",
    contextLength: 131072,
    inputModalities: ['text'],
    outputModalities: ['text'],
    tokenizer: 'Mistral',
    instructType: null,
    created: 1731888000, // 2024-11-18
    isModerated: false,
  },
  {
    id: 'mistralai/mistral-medium-3',
    canonicalSlug: 'mistralai/mistral-medium-3',
    name: 'Mistral: Mistral Medium 3',
    description:
      'Mistral Medium 3 is a multimodal enterprise model that delivers near-frontier performance at substantially lower cost, with strong coding and STEM results.',
    contextLength: 131072,
    inputModalities: ['text', 'image'],
    outputModalities: ['text'],
    tokenizer: 'Mistral',
    instructType: null,
    created: 1746576000, // 2025-05-07
    isModerated: false,
  },
  {
    id: 'mistralai/mistral-small-3.1-24b-instruct',
    canonicalSlug: 'mistralai/mistral-small-3.1-24b-instruct-2503',
    name: 'Mistral: Mistral Small 3.1 24B',
    description:
      'Mistral Small 3.1 24B Instruct is an Apache-2.0 licensed 24B model with vision support and a 128K context window, suited to local deployment and low-latency use.',
    contextLength: 131072,
    inputModalities: ['text', 'image'],
    outputModalities: ['text'],
    tokenizer: 'Mistral',
    instructType: null,
    created: 1742169600, // 2025-03-17
    isModerated: false,
  },
  {
    id: 'mistralai/mixtral-8x7b-instruct',
    canonicalSlug: 'mistralai/mixtral-8x7b-instruct',
    name: 'Mistral: Mixtral 8x7B Instruct',
    description:
      'Mixtral 8x7B Instruct is a sparse mixture-of-experts model from Mistral AI with 8 experts of 7B parameters each, fine-tuned for chat.',
    contextLength: 32768,
    inputModalities: ['text'],
    outputModalities: ['text'],
    tokenizer: 'Mistral',
    instructType: 'mistral',
    created: 1702166400, // 2023-12-10
    isModerated: false,
  },
  {
    id: 'deepseek/deepseek-chat-v3-0324',
    canonicalSlug: 'deepseek/deepseek-chat-v3-0324',
    name: 'DeepSeek: DeepSeek V3 0324',
    description:
      'DeepSeek V3 0324 is a 685B-parameter mixture-of-experts model and the March 2025 update of the DeepSeek V3 chat model, with improved reasoning and coding.',
    contextLength: 163840,
    inputModalities: ['text'],
    outputModalities: ['text'],
    tokenizer: 'DeepSeek',
    instructType: null,
    created: 1742774400, // 2025-03-24
    isModerated: false,
  },
  {
    id: 'deepseek/deepseek-r1',
    canonicalSlug: 'deepseek/deepseek-r1',
    name: 'DeepSeek: R1',
    description:
      'DeepSeek R1 is an open-weight reasoning model with performance on par with OpenAI o1. It has 671B total parameters with 37B active per token and emits its reasoning tokens.',
    contextLength: 163840,
    inputModalities: ['text'],
    outputModalities: ['text'],
    tokenizer: 'DeepSeek',
    instructType: 'deepseek-r1',
    created: 1737331200, // 2025-01-20
    isModerated: false,
  },
  {
    id: 'deepseek/deepseek-r1-distill-llama-70b',
    canonicalSlug: 'deepseek/deepseek-r1-distill-llama-70b',
    name: 'DeepSeek: R1 Distill Llama 70B',
    description:
      'DeepSeek R1 Distill Llama 70B is Llama 3.3 70B Instruct fine-tuned on outputs from DeepSeek R1, giving strong reasoning performance in a dense 70B model.',
    contextLength: 131072,
    inputModalities: ['text'],
    outputModalities: ['text'],
    tokenizer: 'Llama3',
    instructType: 'deepseek-r1',
    created: 1737590400, // 2025-01-23
    isModerated: false,
  },
  {
    id: 'qwen/qwen-2.5-72b-instruct',
    canonicalSlug: 'qwen/qwen-2.5-72b-instruct',
    name: 'Qwen2.5 72B Instruct',
    description:
      'Qwen2.5 72B Instruct is the flagship Qwen2.5 dense model from Alibaba, with improved coding, mathematics, structured output and multilingual support over Qwen2.',
    contextLength: 32768,
    inputModalities: ['text'],
    outputModalities: ['text'],
    tokenizer: 'Qwen',
    instructType: 'chatml',
    created: 1726704000, // 2024-09-19
    isModerated: false,
  },
  {
    id: 'qwen/qwen3-235b-a22b',
    canonicalSlug: 'qwen/qwen3-235b-a22b-04-28',
    name: 'Qwen: Qwen3 235B A22B',
    description:
      'Qwen3 235B A22B is a mixture-of-experts model from Alibaba with 235B total and 22B active parameters. It switches between a thinking mode for complex reasoning and a fast non-thinking mode.',
    contextLength: 131072,
    inputModalities: ['text'],
    outputModalities: ['text'],
    tokenizer: 'Qwen3',
    instructType: 'qwen3',
    created: 1745798400, // 2025-04-28
    isModerated: false,
  },
  {
    id: 'qwen/qwen3-32b',
    canonicalSlug: 'qwen/qwen3-32b-04-28',
    name: 'Qwen: Qwen3 32B',
    description:
      'Qwen3 32B is a dense 32.8B-parameter model from the Qwen3 series that supports both a thinking mode and a non-thinking mode for efficient dialogue.',
    contextLength: 131072,
    inputModalities: ['text'],
    outputModalities: ['text'],
    tokenizer: 'Qwen3',
    instructType: 'qwen3',
    created: 1745798400, // 2025-04-28
    isModerated: false,
  },
];

// ---------------------------------------------------------------------------
// Endpoints (model x provider), grouped by model
// ---------------------------------------------------------------------------

export const seedEndpoints: readonly SeedEndpoint[] = [
  // openai/gpt-4o
  {
    model: 'openai/gpt-4o',
    provider: 'openai',
    providerModelId: 'gpt-4o',
    contextLength: 128000,
    maxCompletionTokens: 16384,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'parallel_tool_calls', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.0000025', completion: '0.00001', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.00000125', inputCacheWrite: '0',
    },
  },
  // openai/gpt-4o-mini
  {
    model: 'openai/gpt-4o-mini',
    provider: 'openai',
    providerModelId: 'gpt-4o-mini',
    contextLength: 128000,
    maxCompletionTokens: 16384,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'parallel_tool_calls', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.00000015', completion: '0.0000006', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.000000075', inputCacheWrite: '0',
    },
  },
  // openai/gpt-4.1
  {
    model: 'openai/gpt-4.1',
    provider: 'openai',
    providerModelId: 'gpt-4.1',
    contextLength: 1047576,
    maxCompletionTokens: 32768,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'parallel_tool_calls', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.000002', completion: '0.000008', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.0000005', inputCacheWrite: '0',
    },
  },
  // openai/gpt-4.1-mini
  {
    model: 'openai/gpt-4.1-mini',
    provider: 'openai',
    providerModelId: 'gpt-4.1-mini',
    contextLength: 1047576,
    maxCompletionTokens: 32768,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'parallel_tool_calls', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.0000004', completion: '0.0000016', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.0000001', inputCacheWrite: '0',
    },
  },
  // openai/o1
  {
    model: 'openai/o1',
    provider: 'openai',
    providerModelId: 'o1',
    contextLength: 200000,
    maxCompletionTokens: 100000,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'seed', 'response_format', 'structured_outputs', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.000015', completion: '0.00006', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.0000075', inputCacheWrite: '0',
    },
  },
  // openai/o3
  {
    model: 'openai/o3',
    provider: 'openai',
    providerModelId: 'o3',
    contextLength: 200000,
    maxCompletionTokens: 100000,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'seed', 'response_format', 'structured_outputs', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.000002', completion: '0.000008', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.0000005', inputCacheWrite: '0',
    },
  },
  // openai/o3-mini
  {
    model: 'openai/o3-mini',
    provider: 'openai',
    providerModelId: 'o3-mini',
    contextLength: 200000,
    maxCompletionTokens: 100000,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'seed', 'response_format', 'structured_outputs', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.0000011', completion: '0.0000044', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.00000055', inputCacheWrite: '0',
    },
  },
  // anthropic/claude-sonnet-4
  {
    model: 'anthropic/claude-sonnet-4',
    provider: 'anthropic',
    providerModelId: 'claude-sonnet-4-20250514',
    contextLength: 200000,
    maxCompletionTokens: 64000,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.000003', completion: '0.000015', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.0000003', inputCacheWrite: '0.00000375',
    },
  },
  // anthropic/claude-opus-4
  {
    model: 'anthropic/claude-opus-4',
    provider: 'anthropic',
    providerModelId: 'claude-opus-4-20250514',
    contextLength: 200000,
    maxCompletionTokens: 32000,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.000015', completion: '0.000075', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.0000015', inputCacheWrite: '0.00001875',
    },
  },
  // anthropic/claude-3.7-sonnet
  {
    model: 'anthropic/claude-3.7-sonnet',
    provider: 'anthropic',
    providerModelId: 'claude-3-7-sonnet-20250219',
    contextLength: 200000,
    maxCompletionTokens: 64000,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.000003', completion: '0.000015', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.0000003', inputCacheWrite: '0.00000375',
    },
  },
  // anthropic/claude-3.5-sonnet
  {
    model: 'anthropic/claude-3.5-sonnet',
    provider: 'anthropic',
    providerModelId: 'claude-3-5-sonnet-20241022',
    contextLength: 200000,
    maxCompletionTokens: 8192,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop'],
    pricing: {
      prompt: '0.000003', completion: '0.000015', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.0000003', inputCacheWrite: '0.00000375',
    },
  },
  // anthropic/claude-3.5-haiku
  {
    model: 'anthropic/claude-3.5-haiku',
    provider: 'anthropic',
    providerModelId: 'claude-3-5-haiku-20241022',
    contextLength: 200000,
    maxCompletionTokens: 8192,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop'],
    pricing: {
      prompt: '0.0000008', completion: '0.000004', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.00000008', inputCacheWrite: '0.000001',
    },
  },
  // google/gemini-2.5-pro
  {
    model: 'google/gemini-2.5-pro',
    provider: 'google',
    providerModelId: 'gemini-2.5-pro',
    contextLength: 1048576,
    maxCompletionTokens: 65536,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'response_format', 'structured_outputs', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.00000125', completion: '0.00001', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.00000031', inputCacheWrite: '0.000001625',
    },
  },
  // google/gemini-2.5-flash
  {
    model: 'google/gemini-2.5-flash',
    provider: 'google',
    providerModelId: 'gemini-2.5-flash',
    contextLength: 1048576,
    maxCompletionTokens: 65535,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'response_format', 'structured_outputs', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.0000003', completion: '0.0000025', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.000000075', inputCacheWrite: '0.0000003833',
    },
  },
  // google/gemini-2.0-flash-001
  {
    model: 'google/gemini-2.0-flash-001',
    provider: 'google',
    providerModelId: 'gemini-2.0-flash-001',
    contextLength: 1048576,
    maxCompletionTokens: 8192,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.0000001', completion: '0.0000004', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.000000025', inputCacheWrite: '0.0000001833',
    },
  },
  // mistralai/mistral-large-2411
  {
    model: 'mistralai/mistral-large-2411',
    provider: 'mistral',
    providerModelId: 'mistral-large-2411',
    contextLength: 131072,
    maxCompletionTokens: null,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'parallel_tool_calls', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.000002', completion: '0.000006', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  // mistralai/mistral-medium-3
  {
    model: 'mistralai/mistral-medium-3',
    provider: 'mistral',
    providerModelId: 'mistral-medium-2505',
    contextLength: 131072,
    maxCompletionTokens: null,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'parallel_tool_calls', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.0000004', completion: '0.000002', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  // mistralai/mistral-small-3.1-24b-instruct
  {
    model: 'mistralai/mistral-small-3.1-24b-instruct',
    provider: 'mistral',
    providerModelId: 'mistral-small-2503',
    contextLength: 131072,
    maxCompletionTokens: null,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'parallel_tool_calls', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.0000001', completion: '0.0000003', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'mistralai/mistral-small-3.1-24b-instruct',
    provider: 'deepinfra',
    providerModelId: 'mistralai/Mistral-Small-3.1-24B-Instruct-2503',
    contextLength: 128000,
    maxCompletionTokens: 16384,
    quantization: 'bf16',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'response_format'],
    pricing: {
      prompt: '0.00000005', completion: '0.0000001', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  // mistralai/mixtral-8x7b-instruct
  {
    model: 'mistralai/mixtral-8x7b-instruct',
    provider: 'together',
    providerModelId: 'mistralai/Mixtral-8x7B-Instruct-v0.1',
    contextLength: 32768,
    maxCompletionTokens: null,
    quantization: 'fp16',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format'],
    pricing: {
      prompt: '0.0000006', completion: '0.0000006', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'mistralai/mixtral-8x7b-instruct',
    provider: 'deepinfra',
    providerModelId: 'mistralai/Mixtral-8x7B-Instruct-v0.1',
    contextLength: 32768,
    maxCompletionTokens: 16384,
    quantization: 'bf16',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'response_format'],
    pricing: {
      prompt: '0.00000024', completion: '0.00000024', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'mistralai/mixtral-8x7b-instruct',
    provider: 'fireworks',
    providerModelId: 'accounts/fireworks/models/mixtral-8x7b-instruct',
    contextLength: 32768,
    maxCompletionTokens: null,
    quantization: 'fp16',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.0000005', completion: '0.0000005', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  // meta-llama/llama-3.1-8b-instruct
  {
    model: 'meta-llama/llama-3.1-8b-instruct',
    provider: 'groq',
    providerModelId: 'llama-3.1-8b-instant',
    contextLength: 131072,
    maxCompletionTokens: 131072,
    quantization: 'fp16',
    supportedParameters: ['tools', 'tool_choice', 'parallel_tool_calls', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'response_format'],
    pricing: {
      prompt: '0.00000005', completion: '0.00000008', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'meta-llama/llama-3.1-8b-instruct',
    provider: 'together',
    providerModelId: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
    contextLength: 131072,
    maxCompletionTokens: null,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format'],
    pricing: {
      prompt: '0.00000018', completion: '0.00000018', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'meta-llama/llama-3.1-8b-instruct',
    provider: 'deepinfra',
    providerModelId: 'meta-llama/Meta-Llama-3.1-8B-Instruct',
    contextLength: 131072,
    maxCompletionTokens: 16384,
    quantization: 'bf16',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'response_format'],
    pricing: {
      prompt: '0.00000003', completion: '0.00000005', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'meta-llama/llama-3.1-8b-instruct',
    provider: 'fireworks',
    providerModelId: 'accounts/fireworks/models/llama-v3p1-8b-instruct',
    contextLength: 131072,
    maxCompletionTokens: 16384,
    quantization: 'fp16',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.0000002', completion: '0.0000002', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'meta-llama/llama-3.1-8b-instruct',
    provider: 'novita',
    providerModelId: 'meta-llama/llama-3.1-8b-instruct',
    contextLength: 16384,
    maxCompletionTokens: 16384,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'response_format'],
    pricing: {
      prompt: '0.00000002', completion: '0.00000005', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  // meta-llama/llama-3.3-70b-instruct
  {
    model: 'meta-llama/llama-3.3-70b-instruct',
    provider: 'groq',
    providerModelId: 'llama-3.3-70b-versatile',
    contextLength: 131072,
    maxCompletionTokens: 32768,
    quantization: 'fp16',
    supportedParameters: ['tools', 'tool_choice', 'parallel_tool_calls', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'response_format'],
    pricing: {
      prompt: '0.00000059', completion: '0.00000079', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'meta-llama/llama-3.3-70b-instruct',
    provider: 'together',
    providerModelId: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
    contextLength: 131072,
    maxCompletionTokens: null,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format'],
    pricing: {
      prompt: '0.00000088', completion: '0.00000088', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'meta-llama/llama-3.3-70b-instruct',
    provider: 'deepinfra',
    providerModelId: 'meta-llama/Llama-3.3-70B-Instruct',
    contextLength: 131072,
    maxCompletionTokens: 16384,
    quantization: 'bf16',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'response_format'],
    pricing: {
      prompt: '0.00000023', completion: '0.0000004', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'meta-llama/llama-3.3-70b-instruct',
    provider: 'fireworks',
    providerModelId: 'accounts/fireworks/models/llama-v3p3-70b-instruct',
    contextLength: 131072,
    maxCompletionTokens: 16384,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.0000009', completion: '0.0000009', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'meta-llama/llama-3.3-70b-instruct',
    provider: 'lambda',
    providerModelId: 'llama3.3-70b-instruct-fp8',
    contextLength: 131072,
    maxCompletionTokens: null,
    quantization: 'fp8',
    supportedParameters: ['max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format'],
    pricing: {
      prompt: '0.00000012', completion: '0.0000003', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'meta-llama/llama-3.3-70b-instruct',
    provider: 'novita',
    providerModelId: 'meta-llama/llama-3.3-70b-instruct',
    contextLength: 131072,
    maxCompletionTokens: 120000,
    quantization: 'bf16',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'response_format'],
    pricing: {
      prompt: '0.00000013', completion: '0.00000039', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  // meta-llama/llama-3.1-405b-instruct
  {
    model: 'meta-llama/llama-3.1-405b-instruct',
    provider: 'together',
    providerModelId: 'meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo',
    contextLength: 130815,
    maxCompletionTokens: null,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format'],
    pricing: {
      prompt: '0.0000035', completion: '0.0000035', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'meta-llama/llama-3.1-405b-instruct',
    provider: 'fireworks',
    providerModelId: 'accounts/fireworks/models/llama-v3p1-405b-instruct',
    contextLength: 131072,
    maxCompletionTokens: 16384,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.000003', completion: '0.000003', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'meta-llama/llama-3.1-405b-instruct',
    provider: 'deepinfra',
    providerModelId: 'meta-llama/Meta-Llama-3.1-405B-Instruct',
    contextLength: 32768,
    maxCompletionTokens: 16384,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'response_format'],
    pricing: {
      prompt: '0.0000008', completion: '0.0000008', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'meta-llama/llama-3.1-405b-instruct',
    provider: 'lambda',
    providerModelId: 'llama3.1-405b-instruct-fp8',
    contextLength: 131072,
    maxCompletionTokens: null,
    quantization: 'fp8',
    supportedParameters: ['max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format'],
    pricing: {
      prompt: '0.0000008', completion: '0.0000008', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  // meta-llama/llama-4-maverick
  {
    model: 'meta-llama/llama-4-maverick',
    provider: 'groq',
    providerModelId: 'meta-llama/llama-4-maverick-17b-128e-instruct',
    contextLength: 131072,
    maxCompletionTokens: 8192,
    quantization: 'unknown',
    supportedParameters: ['tools', 'tool_choice', 'parallel_tool_calls', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'response_format'],
    pricing: {
      prompt: '0.0000002', completion: '0.0000006', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'meta-llama/llama-4-maverick',
    provider: 'together',
    providerModelId: 'meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8',
    contextLength: 1048576,
    maxCompletionTokens: null,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format'],
    pricing: {
      prompt: '0.00000027', completion: '0.00000085', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'meta-llama/llama-4-maverick',
    provider: 'deepinfra',
    providerModelId: 'meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8',
    contextLength: 1048576,
    maxCompletionTokens: 16384,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'response_format'],
    pricing: {
      prompt: '0.00000015', completion: '0.0000006', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'meta-llama/llama-4-maverick',
    provider: 'fireworks',
    providerModelId: 'accounts/fireworks/models/llama4-maverick-instruct-basic',
    contextLength: 1048576,
    maxCompletionTokens: 16384,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.00000022', completion: '0.00000088', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  // deepseek/deepseek-chat-v3-0324
  {
    model: 'deepseek/deepseek-chat-v3-0324',
    provider: 'deepseek',
    providerModelId: 'deepseek-chat',
    contextLength: 65536,
    maxCompletionTokens: 8192,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'stop', 'frequency_penalty', 'presence_penalty', 'logprobs', 'top_logprobs', 'response_format'],
    pricing: {
      prompt: '0.00000027', completion: '0.0000011', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.00000007', inputCacheWrite: '0',
    },
  },
  {
    model: 'deepseek/deepseek-chat-v3-0324',
    provider: 'together',
    providerModelId: 'deepseek-ai/DeepSeek-V3',
    contextLength: 131072,
    maxCompletionTokens: 12288,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format'],
    pricing: {
      prompt: '0.00000125', completion: '0.00000125', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'deepseek/deepseek-chat-v3-0324',
    provider: 'fireworks',
    providerModelId: 'accounts/fireworks/models/deepseek-v3-0324',
    contextLength: 163840,
    maxCompletionTokens: null,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.0000009', completion: '0.0000009', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'deepseek/deepseek-chat-v3-0324',
    provider: 'deepinfra',
    providerModelId: 'deepseek-ai/DeepSeek-V3-0324',
    contextLength: 163840,
    maxCompletionTokens: 16384,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'response_format'],
    pricing: {
      prompt: '0.00000028', completion: '0.00000088', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'deepseek/deepseek-chat-v3-0324',
    provider: 'novita',
    providerModelId: 'deepseek/deepseek-v3-0324',
    contextLength: 163840,
    maxCompletionTokens: 163840,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'response_format'],
    pricing: {
      prompt: '0.00000028', completion: '0.00000114', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'deepseek/deepseek-chat-v3-0324',
    provider: 'lambda',
    providerModelId: 'deepseek-v3-0324',
    contextLength: 163840,
    maxCompletionTokens: null,
    quantization: 'fp8',
    supportedParameters: ['max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format'],
    pricing: {
      prompt: '0.00000034', completion: '0.00000088', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  // deepseek/deepseek-r1
  {
    model: 'deepseek/deepseek-r1',
    provider: 'deepseek',
    providerModelId: 'deepseek-reasoner',
    contextLength: 65536,
    maxCompletionTokens: 32768,
    quantization: 'fp8',
    supportedParameters: ['max_tokens', 'stop', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.00000055', completion: '0.00000219', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0.00000014', inputCacheWrite: '0',
    },
  },
  {
    model: 'deepseek/deepseek-r1',
    provider: 'together',
    providerModelId: 'deepseek-ai/DeepSeek-R1',
    contextLength: 163840,
    maxCompletionTokens: null,
    quantization: 'fp8',
    supportedParameters: ['max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.000003', completion: '0.000007', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'deepseek/deepseek-r1',
    provider: 'fireworks',
    providerModelId: 'accounts/fireworks/models/deepseek-r1',
    contextLength: 163840,
    maxCompletionTokens: null,
    quantization: 'fp8',
    supportedParameters: ['max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'structured_outputs', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.000003', completion: '0.000008', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'deepseek/deepseek-r1',
    provider: 'deepinfra',
    providerModelId: 'deepseek-ai/DeepSeek-R1',
    contextLength: 163840,
    maxCompletionTokens: 16384,
    quantization: 'fp8',
    supportedParameters: ['max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'response_format', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.0000005', completion: '0.00000215', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'deepseek/deepseek-r1',
    provider: 'novita',
    providerModelId: 'deepseek/deepseek-r1',
    contextLength: 64000,
    maxCompletionTokens: 16000,
    quantization: 'fp8',
    supportedParameters: ['max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'response_format', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.0000007', completion: '0.0000025', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  // deepseek/deepseek-r1-distill-llama-70b
  {
    model: 'deepseek/deepseek-r1-distill-llama-70b',
    provider: 'groq',
    providerModelId: 'deepseek-r1-distill-llama-70b',
    contextLength: 131072,
    maxCompletionTokens: 131072,
    quantization: 'fp16',
    supportedParameters: ['tools', 'tool_choice', 'parallel_tool_calls', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'response_format', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.00000075', completion: '0.00000099', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'deepseek/deepseek-r1-distill-llama-70b',
    provider: 'together',
    providerModelId: 'deepseek-ai/DeepSeek-R1-Distill-Llama-70B',
    contextLength: 131072,
    maxCompletionTokens: null,
    quantization: 'fp16',
    supportedParameters: ['max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.000002', completion: '0.000002', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'deepseek/deepseek-r1-distill-llama-70b',
    provider: 'deepinfra',
    providerModelId: 'deepseek-ai/DeepSeek-R1-Distill-Llama-70B',
    contextLength: 131072,
    maxCompletionTokens: 16384,
    quantization: 'fp8',
    supportedParameters: ['max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'response_format', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.0000001', completion: '0.0000004', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  // qwen/qwen-2.5-72b-instruct
  {
    model: 'qwen/qwen-2.5-72b-instruct',
    provider: 'together',
    providerModelId: 'Qwen/Qwen2.5-72B-Instruct-Turbo',
    contextLength: 32768,
    maxCompletionTokens: null,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format'],
    pricing: {
      prompt: '0.0000012', completion: '0.0000012', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'qwen/qwen-2.5-72b-instruct',
    provider: 'deepinfra',
    providerModelId: 'Qwen/Qwen2.5-72B-Instruct',
    contextLength: 32768,
    maxCompletionTokens: 16384,
    quantization: 'bf16',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'response_format'],
    pricing: {
      prompt: '0.00000012', completion: '0.00000039', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'qwen/qwen-2.5-72b-instruct',
    provider: 'fireworks',
    providerModelId: 'accounts/fireworks/models/qwen2p5-72b-instruct',
    contextLength: 32768,
    maxCompletionTokens: 16384,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'structured_outputs'],
    pricing: {
      prompt: '0.0000009', completion: '0.0000009', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'qwen/qwen-2.5-72b-instruct',
    provider: 'novita',
    providerModelId: 'qwen/qwen-2.5-72b-instruct',
    contextLength: 32000,
    maxCompletionTokens: 8192,
    quantization: 'bf16',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'response_format'],
    pricing: {
      prompt: '0.00000038', completion: '0.0000004', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  // qwen/qwen3-235b-a22b
  {
    model: 'qwen/qwen3-235b-a22b',
    provider: 'together',
    providerModelId: 'Qwen/Qwen3-235B-A22B-fp8-tput',
    contextLength: 40960,
    maxCompletionTokens: null,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.0000002', completion: '0.0000006', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'qwen/qwen3-235b-a22b',
    provider: 'fireworks',
    providerModelId: 'accounts/fireworks/models/qwen3-235b-a22b',
    contextLength: 131072,
    maxCompletionTokens: null,
    quantization: 'bf16',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'structured_outputs', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.00000022', completion: '0.00000088', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'qwen/qwen3-235b-a22b',
    provider: 'deepinfra',
    providerModelId: 'Qwen/Qwen3-235B-A22B',
    contextLength: 40960,
    maxCompletionTokens: 16384,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'response_format', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.00000013', completion: '0.0000006', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'qwen/qwen3-235b-a22b',
    provider: 'novita',
    providerModelId: 'qwen/qwen3-235b-a22b-fp8',
    contextLength: 40960,
    maxCompletionTokens: 20000,
    quantization: 'fp8',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'response_format', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.0000002', completion: '0.0000008', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  // qwen/qwen3-32b
  {
    model: 'qwen/qwen3-32b',
    provider: 'groq',
    providerModelId: 'qwen/qwen3-32b',
    contextLength: 131072,
    maxCompletionTokens: 40960,
    quantization: 'fp16',
    supportedParameters: ['tools', 'tool_choice', 'parallel_tool_calls', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'response_format', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.00000029', completion: '0.00000059', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
  {
    model: 'qwen/qwen3-32b',
    provider: 'deepinfra',
    providerModelId: 'Qwen/Qwen3-32B',
    contextLength: 40960,
    maxCompletionTokens: 16384,
    quantization: 'bf16',
    supportedParameters: ['tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'response_format', 'reasoning', 'include_reasoning'],
    pricing: {
      prompt: '0.0000001', completion: '0.0000003', request: '0', image: '0', webSearch: '0',
      internalReasoning: '0', inputCacheRead: '0', inputCacheWrite: '0',
    },
  },
];
