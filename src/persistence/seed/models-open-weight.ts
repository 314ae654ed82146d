import type { SeedModel } from './catalog-types.js';

/** Open-weight models (Llama, Mistral, DeepSeek, Qwen). */
export const openWeightModels: readonly SeedModel[] = [
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
