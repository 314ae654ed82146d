import { z } from 'zod';
import type {
  AssistantToolCall,
  CacheControl,
  FilePart,
  FileSource,
  FunctionTool,
  ImagePart,
  ImageSource,
  Message,
  ReasoningConfig,
  ResponseFormat,
  TextPart,
  ToolChoice,
} from '../../core/llm/request.js';
import { REASONING_FORMATS, type ReasoningDetail, type ReasoningFormat } from '../../core/llm/reasoning-detail.js';
import { providerPreferencesSchema } from '../routing/provider-preferences.js';

/** zod schemas of an OpenAI/OpenRouter chat-completions body (parsing only; mapping is in chat-completion-request.ts). */
export const MAX_MESSAGES = 2000;
export const MAX_MODELS = 10;
export const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

// ---------------------------------------------------------------------------------------------
// URLs

export const DATA_URL = /^data:([^;,]+)((?:;[^;,]*)*);base64,([A-Za-z0-9+/=\s]+)$/i;

export function parseDataUrl(url: string): { mediaType: string; data: string } | null {
  const m = DATA_URL.exec(url);
  if (!m || !m[1] || !m[3]) return null;
  return { mediaType: m[1].trim().toLowerCase(), data: m[3] };
}

export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export const FILE_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  json: 'application/json',
  html: 'text/html',
};

export function mediaTypeFromName(name: string | undefined): string | undefined {
  const ext = name?.split(/[?#]/)[0]?.split('.').pop()?.toLowerCase();
  return ext ? FILE_TYPES[ext] : undefined;
}

export const imageUrl = z.string().transform((url, ctx): ImageSource => {
  if (url.slice(0, 5).toLowerCase() === 'data:') {
    const data = parseDataUrl(url);
    if (!data) ctx.addIssue({ code: 'custom', message: 'expected a base64 data URL (data:<mime>;base64,...)' });
    else if (!data.mediaType.startsWith('image/')) ctx.addIssue({ code: 'custom', message: `expected an image data URL, got ${data.mediaType}` });
    else return { kind: 'data', mediaType: data.mediaType, data: data.data };
    return z.NEVER;
  }
  if (!isHttpUrl(url)) {
    ctx.addIssue({ code: 'custom', message: 'expected a URL' });
    return z.NEVER;
  }
  return { kind: 'url', url };
});

export const fileData = z
  .string({ error: (iss) => (iss.input === undefined ? 'required (file_id is not supported; send the file inline as file_data)' : undefined) })
  .transform((value, ctx): { source: FileSource; mediaType?: string } => {
    if (value.slice(0, 5).toLowerCase() === 'data:') {
      const data = parseDataUrl(value);
      if (data) return { source: { kind: 'data', data: data.data }, mediaType: data.mediaType };
      ctx.addIssue({ code: 'custom', message: 'expected a base64 data URL (data:<mime>;base64,...)' });
      return z.NEVER;
    }
    if (isHttpUrl(value)) return { source: { kind: 'url', url: value } };
    ctx.addIssue({ code: 'custom', message: 'expected a data URL or a URL' });
    return z.NEVER;
  });

// ---------------------------------------------------------------------------------------------
// Content parts

export const cacheControlSchema = z.object({ type: z.literal('ephemeral'), ttl: z.enum(['5m', '1h']).nullish() });

export function withCache(cc: z.output<typeof cacheControlSchema> | null | undefined): { cacheControl?: CacheControl } {
  if (!cc) return {};
  return { cacheControl: cc.ttl ? { type: 'ephemeral', ttl: cc.ttl } : { type: 'ephemeral' } };
}

export const textPart = z
  .object({ type: z.literal('text'), text: z.string(), cache_control: cacheControlSchema.nullish() })
  .transform((p): TextPart => ({ type: 'text', text: p.text, ...withCache(p.cache_control) }));

export const imagePart = z
  .object({
    type: z.literal('image_url'),
    image_url: z.object({ url: imageUrl, detail: z.enum(['auto', 'low', 'high']).nullish() }),
    cache_control: cacheControlSchema.nullish(),
  })
  .transform(
    (p): ImagePart => ({
      type: 'image',
      source: p.image_url.url,
      ...(p.image_url.detail ? { detail: p.image_url.detail } : {}),
      ...withCache(p.cache_control),
    }),
  );

export const filePart = z
  .object({
    type: z.literal('file'),
    file: z.object({ filename: z.string().min(1).max(255).nullish(), file_data: fileData }),
    cache_control: cacheControlSchema.nullish(),
  })
  .transform((p, ctx): FilePart => {
    const filename = p.file.filename ?? undefined;
    const source = p.file.file_data.source;
    const mediaType = p.file.file_data.mediaType ?? mediaTypeFromName(filename) ?? (source.kind === 'url' ? mediaTypeFromName(new URL(source.url).pathname) : undefined);
    if (!mediaType) {
      ctx.addIssue({ code: 'custom', message: 'cannot tell the media type; send the file as a data URL (data:<mime>;base64,...)', path: ['file', 'file_data'] });
      return z.NEVER;
    }
    return { type: 'file', mediaType, ...(filename !== undefined ? { filename } : {}), source, ...withCache(p.cache_control) };
  });

export const audioPart = z.object({ type: z.literal('input_audio') }).transform((_p, ctx): never => {
  ctx.addIssue({ code: 'custom', message: 'audio input (input_audio) is not supported yet' });
  return z.NEVER;
});

export const userPart = z.discriminatedUnion('type', [textPart, imagePart, filePart, audioPart], {
  error: (iss) => ((iss as { code: string }).code === 'invalid_type' ? undefined : 'expected a content part of type text, image_url, file or input_audio'),
});

export const textContent = z.union([z.string(), z.array(textPart)], { error: 'expected a string or an array of text parts' });
export const userContent = z.union([z.string(), z.array(userPart)], { error: 'expected a string or an array of content parts' });

// ---------------------------------------------------------------------------------------------
// Messages

export const toolCallSchema = z
  .object({
    id: z.string().min(1),
    type: z.literal('function').nullish(),
    function: z.object({ name: z.string().min(1), arguments: z.string() }),
  })
  .transform((c): AssistantToolCall => ({ id: c.id, name: c.function.name, arguments: c.function.arguments }));

// OpenRouter's reasoning_details, sent back unchanged with the assistant turn that produced them.
const detailCommon = {
  format: z.string().nullish().transform((f): ReasoningFormat => (REASONING_FORMATS as readonly string[]).includes(f ?? '') ? (f as ReasoningFormat) : 'unknown'),
  index: z.int().min(0).nullish(),
  id: z.string().nullish(),
};
const withCommon = (d: { format: ReasoningFormat; index?: number | null | undefined; id?: string | null | undefined }) => ({
  format: d.format,
  ...(d.index != null ? { index: d.index } : {}),
  ...(d.id != null ? { id: d.id } : {}),
});
export const reasoningDetailSchema = z.discriminatedUnion(
  'type',
  [
    z
      .object({ type: z.literal('reasoning.text'), text: z.string().nullish(), signature: z.string().nullish(), ...detailCommon })
      .transform((d): ReasoningDetail => ({ type: 'reasoning.text', text: d.text ?? '', ...(d.signature != null ? { signature: d.signature } : {}), ...withCommon(d) })),
    z.object({ type: z.literal('reasoning.summary'), summary: z.string(), ...detailCommon }).transform((d): ReasoningDetail => ({ type: 'reasoning.summary', summary: d.summary, ...withCommon(d) })),
    z.object({ type: z.literal('reasoning.encrypted'), data: z.string(), ...detailCommon }).transform((d): ReasoningDetail => ({ type: 'reasoning.encrypted', data: d.data, ...withCommon(d) })),
  ],
  { error: (iss) => ((iss as { code: string }).code === 'invalid_type' ? undefined : 'expected type reasoning.text, reasoning.summary or reasoning.encrypted') },
);

export const messageSchema = z.discriminatedUnion(
  'role',
  [
    z.object({ role: z.literal('system'), content: textContent }).transform((m): Message => ({ role: 'system', content: m.content })),
    z.object({ role: z.literal('developer'), content: textContent }).transform((m): Message => ({ role: 'developer', content: m.content })),
    z.object({ role: z.literal('user'), content: userContent }).transform((m): Message => ({ role: 'user', content: m.content })),
    z
      .object({
        role: z.literal('assistant'),
        content: textContent.nullish(),
        tool_calls: z.array(toolCallSchema).nullish(),
        reasoning: z.string().nullish(),
        reasoning_details: z.array(reasoningDetailSchema).max(256).nullish(),
      })
      .transform(
        (m): Message => ({
          role: 'assistant',
          content: m.content ?? null,
          ...(m.tool_calls?.length ? { toolCalls: m.tool_calls } : {}),
          ...(m.reasoning ? { reasoning: m.reasoning } : {}),
          ...(m.reasoning_details?.length ? { reasoningDetails: m.reasoning_details } : {}),
        }),
      ),
    z
      .object({ role: z.literal('tool'), tool_call_id: z.string().min(1), content: textContent, name: z.string().min(1).nullish() })
      .transform((m): Message => ({ role: 'tool', toolCallId: m.tool_call_id, content: m.content, ...(m.name ? { name: m.name } : {}) })),
  ],
  { error: (iss) => ((iss as { code: string }).code === 'invalid_type' ? 'expected a message object' : 'expected role system, developer, user, assistant or tool') },
);

// ---------------------------------------------------------------------------------------------
// Tools, response format, reasoning

export const jsonObject = z.record(z.string(), z.unknown());

export const toolSchema = z
  .object({
    type: z.literal('function'),
    function: z.object({
      name: z.string().regex(TOOL_NAME, { error: 'expected 1-64 characters a-z, A-Z, 0-9, _ or -' }),
      description: z.string().nullish(),
      parameters: jsonObject.nullish(),
      strict: z.boolean().nullish(),
    }),
  })
  .transform(({ function: f }): FunctionTool => ({
    type: 'function',
    name: f.name,
    ...(f.description != null ? { description: f.description } : {}),
    ...(f.parameters ? { parameters: f.parameters } : {}),
    ...(f.strict != null ? { strict: f.strict } : {}),
  }));

export const toolChoiceSchema = z.union(
  [
    z.enum(['auto', 'none', 'required']),
    z.object({ type: z.literal('function'), function: z.object({ name: z.string().min(1) }) }).transform((c): ToolChoice => ({ type: 'function', name: c.function.name })),
  ],
  { error: `expected "auto", "none", "required" or {type:"function", function:{name}}` },
);

export const responseFormatSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('text') }).transform((): ResponseFormat => ({ type: 'text' })),
    z.object({ type: z.literal('json_object') }).transform((): ResponseFormat => ({ type: 'json_object' })),
    z
      .object({
        type: z.literal('json_schema'),
        json_schema: z.object({
          name: z.string().regex(TOOL_NAME, { error: 'expected 1-64 characters a-z, A-Z, 0-9, _ or -' }),
          strict: z.boolean().nullish(),
          schema: jsonObject,
          description: z.string().nullish(),
        }),
      })
      .transform(
        ({ json_schema: j }): ResponseFormat => ({
          type: 'json_schema',
          name: j.name,
          ...(j.strict != null ? { strict: j.strict } : {}),
          schema: j.schema,
          ...(j.description != null ? { description: j.description } : {}),
        }),
      ),
  ],
  { error: (iss) => ((iss as { code: string }).code === 'invalid_type' ? undefined : 'expected type text, json_object or json_schema') },
);

export const reasoningSchema = z
  .object({
    effort: z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max']).nullish(),
    max_tokens: z.int().min(1).nullish(),
    exclude: z.boolean().nullish(),
    enabled: z.boolean().nullish(),
  })
  .transform((r, ctx): ReasoningConfig => {
    const exclude = r.exclude != null ? { exclude: r.exclude } : {};
    if (r.enabled === false) return { effort: 'none', ...exclude };
    if (r.effort != null && r.max_tokens != null) {
      ctx.addIssue({ code: 'custom', message: 'give either effort or max_tokens, not both', path: ['max_tokens'] });
      return z.NEVER;
    }
    if (r.effort != null) return { effort: r.effort, ...exclude };
    if (r.max_tokens != null) return { maxTokens: r.max_tokens, ...exclude };
    return exclude;
  });

// ---------------------------------------------------------------------------------------------
// Body

export const maxTokensSchema = z.int().min(1).max(1_000_000);
/** Text that is stored (model ids, session ids): Postgres text cannot hold NUL, and nothing stored may fail after output. */
export const storableText = (max: number) => z.string().max(max).refine((v) => !v.includes('\u0000'), { error: 'must not contain NUL characters' });
/** A model id fits the catalog's column (200 characters). */
export const modelSlug = z.string().trim().min(1).max(200).refine((v) => !v.includes('\u0000'), { error: 'must not contain NUL characters' });

export const bodySchema = z.object({
  model: modelSlug.nullish(),
  models: z.array(modelSlug).max(100).nullish(),
  messages: z.array(messageSchema).min(1).max(MAX_MESSAGES),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().nullish() }).nullish(),
  max_tokens: maxTokensSchema.nullish(),
  max_completion_tokens: maxTokensSchema.nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  top_k: z.int().min(0).nullish(),
  frequency_penalty: z.number().min(-2).max(2).nullish(),
  presence_penalty: z.number().min(-2).max(2).nullish(),
  repetition_penalty: z.number().min(0).max(2).nullish(),
  min_p: z.number().min(0).max(1).nullish(),
  top_a: z.number().min(0).max(1).nullish(),
  seed: z.int().nullish(),
  stop: z.union([z.string(), z.array(z.string()).max(4)], { error: 'expected a string or an array of up to 4 strings' }).nullish(),
  logit_bias: z.record(z.string().regex(/^\d+$/, { error: 'expected a token id' }), z.number().min(-100).max(100)).nullish(),
  logprobs: z.boolean().nullish(),
  top_logprobs: z.int().min(0).max(20).nullish(),
  tools: z.array(toolSchema).max(512).nullish(),
  tool_choice: toolChoiceSchema.nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  response_format: responseFormatSchema.nullish(),
  reasoning: reasoningSchema.nullish(),
  include_reasoning: z.boolean().nullish(),
  // OpenAI's top-level form of reasoning.effort (what the openai SDK sends).
  reasoning_effort: z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max']).nullish(),
  user: z.string().max(256).nullish(),
  session_id: storableText(256).nullish(),
  provider: providerPreferencesSchema.nullish(),
  // transforms, plugins, usage, prediction, … are accepted and ignored (stripped).
});

export type Body = z.output<typeof bodySchema>;

