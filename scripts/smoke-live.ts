// `npm run smoke:live`: one short request of each kind to every provider that has a real key in the
// environment (PROVIDER_<SLUG>_API_KEY) — not streamed, streamed with a tool, and a json_schema answer —
// through the production adapters, and prints what came back. Without keys it says so and exits 0.
import { adapterFor } from '../src/adapters/index.js';
import { UpstreamHttpClient } from '../src/adapters/http-client.js';
import { completeOnce, streamCompletion } from '../src/adapters/invoke.js';
import { loadConfig } from '../src/config.js';
import { foldParts, foldStream, type GenerationResult } from '../src/core/llm/fold.js';
import type { ChatRequest } from '../src/core/llm/request.js';
import { upstreamTargetFor } from '../src/gateway/generation/upstream-target.js';
import { seedEndpoints, seedProviders } from '../src/persistence/seed/catalog-data.js';

const credentials = loadConfig().upstreams.credentials;
const live = seedProviders.filter((p) => credentials[p.slug]);
if (live.length === 0) {
  console.log(`smoke:live skipped: no provider key in the environment. Set PROVIDER_<SLUG>_API_KEY for any of: ${seedProviders.map((p) => p.slug).join(', ')}.`);
  process.exit(0);
}

const CALLS: { name: string; stream: boolean; needs: string[]; request: ChatRequest }[] = [
  { name: 'plain', stream: false, needs: [], request: { messages: [{ role: 'user', content: 'Say hello in five words.' }], maxTokens: 64 } },
  {
    name: 'stream + tool',
    stream: true,
    needs: ['tools'],
    request: {
      messages: [{ role: 'user', content: 'What is the weather in Paris? Use the tool.' }],
      maxTokens: 200,
      tools: [{ type: 'function', name: 'get_weather', description: 'Current weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } }],
      toolChoice: 'auto',
    },
  },
  {
    name: 'json_schema',
    stream: false,
    needs: ['response_format'],
    request: {
      messages: [{ role: 'user', content: 'Name one planet.' }],
      maxTokens: 200,
      responseFormat: { type: 'json_schema', name: 'planet', strict: true, schema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'], additionalProperties: false } },
    },
  },
];

const describe = (r: GenerationResult) =>
  r.error
    ? `ERROR ${r.error.code}: ${r.error.message}`
    : [
        r.text && `text ${JSON.stringify(r.text.slice(0, 120))}`,
        r.toolCalls.length > 0 && `tool calls ${r.toolCalls.map((c) => `${c.name}(${c.arguments})`).join(', ')}`,
        r.reasoningDetails.length > 0 && `${r.reasoningDetails.length} reasoning details`,
        `finish ${r.finish?.reason} (${r.finish?.nativeReason})`,
        r.usage && `usage in ${r.usage.input.total} / out ${r.usage.output.total}`,
      ]
        .filter(Boolean)
        .join(' · ');

const client = new UpstreamHttpClient({ firstByteTimeoutMs: 30_000 });
let failures = 0;
try {
  for (const provider of live) {
    const endpoint = seedEndpoints.find((e) => e.provider === provider.slug && e.supportedParameters.includes('tools')) ?? seedEndpoints.find((e) => e.provider === provider.slug);
    if (!endpoint) continue;
    const target = upstreamTargetFor({
      family: provider.family,
      providerSlug: provider.slug,
      providerModelId: endpoint.providerModelId,
      upstream: { mode: 'live', baseUrl: provider.baseUrl, apiKey: credentials[provider.slug]! },
      supportedParameters: endpoint.supportedParameters,
      maxCompletionTokens: endpoint.maxCompletionTokens,
    });
    console.log(`\n${provider.name} (${provider.slug}, ${provider.family}) — ${endpoint.providerModelId} at ${provider.baseUrl}`);
    for (const call of CALLS) {
      if (!call.needs.every((p) => endpoint.supportedParameters.includes(p))) {
        console.log(`  ${call.name.padEnd(14)} skipped: the endpoint does not list ${call.needs.join(', ')}`);
        continue;
      }
      const adapter = adapterFor(provider.family);
      const started = performance.now();
      const result = call.stream ? await foldStream(streamCompletion(adapter, client, call.request, target)) : foldParts(await completeOnce(adapter, client, call.request, target));
      if (result.error) failures++;
      console.log(`  ${call.name.padEnd(14)} ${Math.round(performance.now() - started)} ms · ${describe(result)}`);
    }
  }
} finally {
  await client.close();
}
process.exit(failures > 0 ? 1 : 0);
