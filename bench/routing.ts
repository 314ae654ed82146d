// Planning latency for a model served by 10 endpoints (target: p50 ≤ 20 µs), default load balancing
// and with a full set of provider preferences.
import { pathToFileURL } from 'node:url';
import { parseUsd } from '../src/core/billing/money.js';
import { buildRoutingCatalog, planAttempts, type EndpointRecord, type PlanInputs } from '../src/core/routing/index.js';
import type { RoutingRequest } from '../src/core/routing/types.js';
import { percentiles, type Percentiles } from './stats.js';

function market(): EndpointRecord[] {
  return Array.from({ length: 10 }, (_, i) => ({
    id: `ep-${i}`,
    modelId: 'meta-llama/llama-3.3-70b-instruct',
    providerSlug: `provider-${i}`,
    contextLength: 131_072,
    maxCompletionTokens: 16_384,
    quantization: i % 2 ? 'fp8' : 'bf16',
    supportedParameters: ['max_tokens', 'temperature', 'tools', 'tool_choice', 'response_format', 'seed'],
    inputModalities: ['text'],
    status: 'active',
    dataPolicy: { trainsOnData: false, zdr: i % 3 === 0 },
    pricing: { prompt: parseUsd(`0.000000${i + 1}`), completion: parseUsd(`0.000000${i + 2}`), request: parseUsd('0'), image: parseUsd('0') },
  }));
}

function measure(inputs: PlanInputs, iterations: number): Percentiles {
  for (let i = 0; i < 20_000; i++) planAttempts(inputs); // warm-up for the JIT
  const samples = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    planAttempts(inputs);
    samples[i] = Number(process.hrtime.bigint() - start) / 1_000; // µs
  }
  return percentiles(samples);
}

export function benchRouting(iterations = 100_000) {
  const catalog = buildRoutingCatalog(market());
  const base = {
    catalog,
    health: { of: () => undefined },
    account: { byokProviders: new Set<string>() },
    sticky: { providerFor: () => undefined },
    random: Math.random,
  };
  const request: RoutingRequest = {
    models: ['meta-llama/llama-3.3-70b-instruct'],
    provider: {},
    usedParameters: ['tools', 'temperature'],
    inputModalities: [],
    promptTokens: 1_200,
    maxTokens: 1_000,
    stickyKey: null,
  };
  return {
    loadBalanced: measure({ ...base, request }, iterations),
    withPreferences: measure(
      {
        ...base,
        request: {
          ...request,
          provider: { ignore: ['provider-9'], quantizations: ['bf16', 'fp8'], maxPrice: { prompt: parseUsd('5') }, requireParameters: true, sort: { by: 'price', partition: 'model' } },
        },
      },
      iterations,
    ),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = benchRouting();
  console.log('planAttempts, 10 endpoints (µs):');
  console.table(r);
}
