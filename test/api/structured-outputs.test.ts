import { Ajv } from 'ajv';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, TEST_KEYS, type RunningApp } from '../support/app.js';

/** Structured-output clients on the embedded default: the official client's parse() gets schema-valid JSON. */
const SCHEMA = {
  type: 'object',
  properties: { city: { type: 'string' }, population: { type: 'integer', minimum: 1 }, landmarks: { type: 'array', items: { type: 'string' }, minItems: 1 } },
  required: ['city', 'population', 'landmarks'],
  additionalProperties: false,
};
const valid = new Ajv({ strict: false }).compile(SCHEMA);

describe.each(['openai/gpt-4o', 'google/gemini-2.5-flash'])('structured outputs through the gateway: %s', (model) => {
  let running: RunningApp;
  let client: OpenAI;
  beforeAll(async () => {
    const [target] = await databaseTargets();
    running = await startTestApp(target!);
    client = new OpenAI({ baseURL: `${running.url}/api/v1`, apiKey: TEST_KEYS.inference, maxRetries: 0 });
  });
  afterAll(() => running?.stop());

  it('parse() with a json_schema response_format returns a parsed, schema-valid object; json_object an object', async () => {
    const completion = await client.chat.completions.parse({
      model,
      messages: [{ role: 'user', content: 'Describe a city.' }],
      max_tokens: 400,
      response_format: { type: 'json_schema', json_schema: { name: 'city', strict: true, schema: SCHEMA } },
    });
    expect(valid(completion.choices[0]!.message.parsed)).toBe(true);
    const object = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'JSON please.' }], max_tokens: 400, response_format: { type: 'json_object' } });
    const value: unknown = JSON.parse(object.choices[0]!.message.content!);
    expect(typeof value === 'object' && value !== null && !Array.isArray(value)).toBe(true);
  });
});
