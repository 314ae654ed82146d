import type { SeedModel } from './catalog-types.js';

/** OpenAI, Anthropic and Google models. */
export const proprietaryModels: readonly SeedModel[] = [
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
];
