import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, TEST_KEYS, type RunningApp } from '../support/app.js';

/**
 * A tool loop with reasoning over REST, as an OpenRouter client runs it: turn 1's reasoning_details
 * (streamed or not) go back with the assistant turn. The simulator refuses a replay without them, or
 * with an altered signature, the way Anthropic and Gemini do.
 */
const TOOLS = [{ type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } }];
const MODELS = [
  { model: 'anthropic/claude-sonnet-4', format: 'anthropic-claude-v1', refusal: /thinking/ },
  { model: 'google/gemini-2.5-flash', format: 'google-gemini-v1', refusal: /thought_signature/ },
];

describe.each(MODELS)('reasoning_details round trip: $model', ({ model, format, refusal }) => {
  let running: RunningApp;
  let client: OpenAI;
  beforeAll(async () => {
    const [target] = await databaseTargets();
    running = await startTestApp(target!);
    client = new OpenAI({ baseURL: `${running.url}/api/v1`, apiKey: TEST_KEYS.inference, maxRetries: 0 });
  });
  afterAll(() => running?.stop());

  const post = async (body: unknown) => {
    const res = await fetch(`${running.url}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_KEYS.inference}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const user = { role: 'user', content: 'Weather in Paris?' };
  const base = { model, tools: TOOLS, max_tokens: 2000, reasoning: { effort: 'low' } };

  it.each([false, true])('stream=%s: details come back with the turn, and turn 2 is accepted only with them', async (stream) => {
    let assistant: { tool_calls: any[]; reasoning_details: any[] };
    if (stream) {
      const chunks = await client.chat.completions.create({ ...base, messages: [user], stream: true } as unknown as OpenAI.ChatCompletionCreateParamsStreaming);
      const calls = new Map<number, any>();
      const details: any[] = [];
      for await (const chunk of chunks) {
        const delta = chunk.choices[0]?.delta as any;
        details.push(...(delta?.reasoning_details ?? []));
        for (const call of delta?.tool_calls ?? []) {
          const seen = calls.get(call.index) ?? { id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } };
          seen.function.arguments += call.function?.arguments ?? '';
          calls.set(call.index, seen);
        }
      }
      assistant = { tool_calls: [...calls.values()], reasoning_details: details };
    } else {
      const first = await post({ ...base, messages: [user] });
      expect(first.status).toBe(200);
      assistant = first.body.choices[0].message;
    }
    expect(assistant.tool_calls.length).toBeGreaterThan(0);
    expect(assistant.reasoning_details.length).toBeGreaterThan(0);
    expect(assistant.reasoning_details.every((d: any) => d.format === format)).toBe(true);

    const results = assistant.tool_calls.map((call: any) => ({ role: 'tool', tool_call_id: call.id, content: '18C' }));
    const replay = (message: Record<string, unknown>) => post({ ...base, messages: [user, { role: 'assistant', content: null, ...message }, ...results] });

    const accepted = await replay({ tool_calls: assistant.tool_calls, reasoning_details: assistant.reasoning_details });
    expect(accepted.status).toBe(200);
    expect(accepted.body.choices[0].message.content.length).toBeGreaterThan(0);

    const refused = await replay({ tool_calls: assistant.tool_calls });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(refusal);
  });
});
