import { describe, expect, it } from 'vitest';
import { geminiAdapter } from '../../../src/adapters/gemini/index.js';
import type { ChatRequest } from '../../../src/core/llm/request.js';

const target = { baseUrl: 'https://generativelanguage.googleapis.com', apiKey: 'AIza', providerModelId: 'gemini-2.5-flash' };

describe('Gemini request mapping', () => {
  const request: ChatRequest = {
    messages: [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: [{ type: 'text', text: 'Weather?' }, { type: 'image', source: { kind: 'data', mediaType: 'image/png', data: 'iVBOR' } }] },
      { role: 'assistant', content: null, toolCalls: [{ id: 'call_0', name: 'get_weather', arguments: '{"city":"Oslo"}' }] },
      { role: 'tool', toolCallId: 'call_0', content: '-3C' },
    ],
    maxTokens: 256,
    temperature: 0.3,
    topK: 20,
    stop: ['END'],
    tools: [{ type: 'function', name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }],
    toolChoice: 'auto',
    responseFormat: { type: 'json_schema', name: 'w', schema: { type: 'object' } },
    reasoning: { maxTokens: 512, exclude: true },
  };

  it('streams via streamGenerateContent?alt=sse with x-goog-api-key', () => {
    const built = geminiAdapter.buildRequest(request, target, { stream: true });
    expect(built.url).toBe('https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    expect(built.headers).toMatchObject({ 'x-goog-api-key': 'AIza' });
    expect(geminiAdapter.buildRequest(request, target, { stream: false }).url).toMatch(/:generateContent$/);
  });

  it('maps system, roles, function calls/responses (named after the call) and generationConfig', () => {
    expect(JSON.parse(geminiAdapter.buildRequest(request, target, { stream: true }).body)).toEqual({
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      contents: [
        { role: 'user', parts: [{ text: 'Weather?' }, { inlineData: { mimeType: 'image/png', data: 'iVBOR' } }] },
        { role: 'model', parts: [{ functionCall: { name: 'get_weather', args: { city: 'Oslo' } } }] },
        { role: 'user', parts: [{ functionResponse: { name: 'get_weather', response: { content: '-3C' } } }] },
      ],
      generationConfig: {
        maxOutputTokens: 256,
        temperature: 0.3,
        topK: 20,
        stopSequences: ['END'],
        responseMimeType: 'application/json',
        responseJsonSchema: { type: 'object' },
        thinkingConfig: { thinkingBudget: 256 /* the budget asked (512) stays inside the 256-token cap */, includeThoughts: false },
      },
      tools: [{ functionDeclarations: [{ name: 'get_weather', description: 'Weather', parametersJsonSchema: { type: 'object', properties: { city: { type: 'string' } } } }] }],
      toolConfig: { functionCallingConfig: { mode: 'AUTO' } },
    });
  });
});
