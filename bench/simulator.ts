// Simulator throughput: requests/s and output tokens/s it serves with the fast profile to concurrent
// undici clients, per wire format, streamed and not. `npx tsx bench/simulator.ts [--url http://host:port]`
// (without --url the simulator runs in this process, so it shares one core with the clients).
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { Agent, request } from 'undici';
import { startSimulator } from '../src/simulator/index.js';

interface Scenario {
  name: string;
  path: string;
  body: unknown;
  /** Output tokens of one response, read from the body. */
  tokensOf(text: string): number;
}

const PROMPT = 'Summarize the trade-offs of routing requests across several model providers.';
const OUTPUT_TOKENS = 200;

/** The JSON data of the last SSE event whose data contains `marker`. */
function lastEvent(text: string, marker: string): any {
  const data = text.split('\n').filter((line) => line.startsWith('data: ') && line.includes(marker));
  return JSON.parse(data.at(-1)!.slice('data: '.length));
}

const SCENARIOS: Scenario[] = [
  {
    name: 'openai json',
    path: '/v1/chat/completions',
    body: { model: 'bench', messages: [{ role: 'user', content: PROMPT }] },
    tokensOf: (text) => JSON.parse(text).usage.completion_tokens,
  },
  {
    name: 'openai sse',
    path: '/v1/chat/completions',
    body: { model: 'bench', messages: [{ role: 'user', content: PROMPT }], stream: true, stream_options: { include_usage: true } },
    tokensOf: (text) => lastEvent(text, '"usage":{').usage.completion_tokens,
  },
  {
    name: 'anthropic sse',
    path: '/v1/messages',
    body: { model: 'bench', max_tokens: 4096, messages: [{ role: 'user', content: PROMPT }], stream: true },
    tokensOf: (text) => lastEvent(text, '"message_delta"').usage.output_tokens,
  },
  {
    name: 'gemini sse',
    path: '/v1beta/models/bench:streamGenerateContent?alt=sse',
    body: { contents: [{ role: 'user', parts: [{ text: PROMPT }] }] },
    tokensOf: (text) => lastEvent(text, '"usageMetadata"').usageMetadata.candidatesTokenCount,
  },
];

async function runScenario(baseUrl: string, scenario: Scenario, concurrency: number, durationMs: number, dispatcher: Agent) {
  const body = JSON.stringify(scenario.body);
  const headers = { 'content-type': 'application/json', 'x-sim-completion-tokens': String(OUTPUT_TOKENS) };
  let requests = 0;
  let tokens = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const client = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const response = await request(`${baseUrl}${scenario.path}`, { method: 'POST', headers, body, dispatcher });
      const text = await response.body.text();
      if (response.statusCode !== 200) throw new Error(`${scenario.name}: HTTP ${response.statusCode} ${text.slice(0, 200)}`);
      tokens += scenario.tokensOf(text);
      requests++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  return { scenario: scenario.name, concurrency, 'requests/s': Math.round(requests / seconds), 'output tokens/s': Math.round(tokens / seconds) };
}

export async function benchSimulator(options: { url?: string; concurrency?: number; durationMs?: number } = {}) {
  const sim = options.url === undefined ? await startSimulator({ port: 0, profiles: {} }) : undefined;
  const baseUrl = options.url ?? sim!.url;
  const dispatcher = new Agent({ connections: 256, pipelining: 1 });
  try {
    const rows = [];
    for (const scenario of SCENARIOS) {
      await runScenario(baseUrl, scenario, 8, 300, dispatcher); // warm-up for the JIT and keep-alive pool
      rows.push(await runScenario(baseUrl, scenario, options.concurrency ?? 32, options.durationMs ?? 3_000, dispatcher));
    }
    return rows;
  } finally {
    await dispatcher.close();
    await sim?.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { url: { type: 'string' }, concurrency: { type: 'string', default: '32' }, seconds: { type: 'string', default: '3' } } });
  console.log(`Simulator throughput (fast profile, ${OUTPUT_TOKENS} output tokens per response, ${values.url ?? 'in-process'}):`);
  console.table(await benchSimulator({ url: values.url, concurrency: Number(values.concurrency), durationMs: Number(values.seconds) * 1000 }));
}
