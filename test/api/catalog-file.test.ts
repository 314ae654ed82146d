import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { formatUsd, money } from '../../src/core/billing/money.js';
import { buildApp } from '../../src/app.js';
import { CatalogFileError } from '../../src/gateway/catalog/catalog-file.js';
import { CatalogChangeSchema } from '../../src/persistence/entities/index.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, testConfig, TEST_KEYS, type RunningApp } from '../support/app.js';
import { captureLogs } from '../support/log-capture.js';
import { graphqlHttp, graphqlWsClient, graphqlWsSubscribe } from '../support/graphql-client.js';
import { CompleteDocument, GenerationRecordDocument } from '../gql/graphql.js';

const VLLM_KEY = 'sk-vllm-team-key-0000000000000000';
const bearer = { authorization: `Bearer ${TEST_KEYS.inference}` };

/** Our "own vLLM server": the simulator on another port, behind a pass-through that records what reached it. */
async function startOwnServer(): Promise<{ url: string; seen: { path: string; headers: IncomingHttpHeaders; body: any }[]; stop(): Promise<void> }> {
  const simulator: RunningSimulator = await startSimulator({ profiles: {}, requireAuth: (_slug, key) => key === VLLM_KEY });
  const upstream = new URL(simulator.url);
  const seen: { path: string; headers: IncomingHttpHeaders; body: any }[] = [];
  const front: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(body.toString() || 'null') });
      const forward = request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', () => res.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((done) => front.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(front.address() as AddressInfo).port}`,
    seen,
    stop: async () => {
      await new Promise((done) => front.close(done));
      await simulator.stop();
    },
  };
}

const catalogYaml = (server: string, completionPrice: string, withLlama = true) => `# Routing to our own OpenAI-compatible server
providers:
  - slug: vllm
    name: Team vLLM
    family: openai
    baseUrl: ${server}/v1
    credentialEnv: VLLM_API_KEY
    extraHeaders:
      X-Team: research
    dialect:
      maxTokensField: max_tokens
    dataPolicy: { zdr: true }
models:
  - id: acme/llama-ft
    name: "Acme: Llama fine-tune"
    contextLength: 32768
endpoints:
  - model: acme/llama-ft
    provider: vllm
    providerModelId: acme/llama-ft-v1
    pricing:
      prompt: "0.0000001"
      completion: "${completionPrice}"
${withLlama ? `  - model: meta-llama/llama-3.1-8b-instruct
    provider: vllm
    providerModelId: meta-llama/Llama-3.1-8B-Instruct
    contextLength: 131072
    pricing: { prompt: "0.00000001", completion: "0.00000002" }
` : ''}`;

describe.each(await databaseTargets())('CATALOG_FILE on $name', (target) => {
  let running: RunningApp;
  let server: Awaited<ReturnType<typeof startOwnServer>>;
  let dir: string;
  let file: string;
  const logs = captureLogs();

  beforeAll(async () => {
    server = await startOwnServer();
    dir = await mkdtemp(join(tmpdir(), 'switchyard-catalog-'));
    file = join(dir, 'catalog.yaml');
    // OpenRouter prints $1/12 per million tokens like this; it is stored rounded half up to 0.000000083333.
    await writeFile(file, catalogYaml(server.url, '0.00000008333333333333334'));
    running = await startTestApp(
      target,
      {
        catalogFile: file,
        // Built-in providers are simulated in-process; the file's provider is ours, so it is called for real.
        upstreams: { simulate: 'auto', simulatorProfile: 'fast', simulatorUrl: undefined, credentials: {}, credentialFromEnv: (name) => (name === 'VLLM_API_KEY' ? VLLM_KEY : undefined) },
      },
      { logger: logs.logger },
    );
  });
  afterAll(async () => {
    await running?.stop();
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const complete = async (body: Record<string, unknown>) => {
    const res = await fetch(`${running.url}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'Hello from the catalog file' }], max_tokens: 20, ...body }),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const exactCost = async (generationId: string) => (await graphqlHttp(running.url, GenerationRecordDocument, { id: generationId }, bearer)).data!.generation!;

  it('routes a model of the file to our own server over REST, with its key and headers, billed exactly at its prices', async () => {
    const { status, body } = await complete({ model: 'acme/llama-ft' });
    expect(status).toBe(200);
    expect(body.provider).toBe('Team vLLM');
    const call = server.seen.at(-1)!;
    expect(call.path).toBe('/v1/chat/completions');
    expect(call.headers.authorization).toBe(`Bearer ${VLLM_KEY}`);
    expect(call.headers['x-team']).toBe('research');
    expect(call.body.model).toBe('acme/llama-ft-v1');

    const { prompt_tokens: prompt, completion_tokens: completion } = body.usage;
    expect(completion).toBeGreaterThan(0);
    const record = await exactCost(body.id);
    expect(record).toMatchObject({ provider: 'vllm', status: 'succeeded' });
    expect(record.cost).toBe(formatUsd(money(BigInt(prompt) * 100_000n + BigInt(completion) * 83_333n)));
  });

  it('serves the same over GraphQL, and gives a built-in model another provider to route to', async () => {
    const ws = graphqlWsClient(running.url, bearer);
    const events: any[] = [];
    try {
      const input = { model: 'acme/llama-ft', maxTokens: 12, messages: [{ role: 'user', content: 'Hello over a websocket' }] };
      for await (const result of graphqlWsSubscribe(ws, CompleteDocument, { input })) events.push(result.data!.complete);
    } finally {
      await ws.dispose();
    }
    const usage = events.find((e) => e.__typename === 'UsageReported');
    expect(events.at(-1)).toMatchObject({ __typename: 'CompletionFinished', provider: 'vllm', model: 'acme/llama-ft' });
    expect(usage.cost).toBe(formatUsd(money(BigInt(usage.promptTokens) * 100_000n + BigInt(usage.completionTokens) * 83_333n)));

    const llama = await complete({ model: 'meta-llama/llama-3.1-8b-instruct', provider: { only: ['team vllm'] } });
    expect(llama.body.provider).toBe('Team vLLM');
    expect(server.seen.at(-1)!.body.model).toBe('meta-llama/Llama-3.1-8B-Instruct');
  });

  it('applies an edited file without a restart, audits what changed, and keeps the catalog when an edit is broken', async () => {
    const em = running.app.database.orm.em.fork();
    const audited = await em.count(CatalogChangeSchema, { actorKind: 'catalog_file' });
    expect(audited).toBe(4); // provider, model, two endpoints
    expect(await em.count(CatalogChangeSchema, { actorKind: 'catalog_file', actor: file })).toBe(audited);

    const applied = logs.next('catalog file applied');
    await writeFile(file, catalogYaml(server.url, '0.0000004', false));
    expect((await applied).changes).toBe(2); // the new price; the llama endpoint gone

    const { body } = await complete({ model: 'acme/llama-ft' });
    const record = await exactCost(body.id);
    expect(record.cost).toBe(formatUsd(money(BigInt(body.usage.prompt_tokens) * 100_000n + BigInt(body.usage.completion_tokens) * 400_000n)));
    expect((await complete({ model: 'meta-llama/llama-3.1-8b-instruct', provider: { only: ['vllm'] } })).status).toBe(404);
    expect(await em.fork().count(CatalogChangeSchema, { actorKind: 'catalog_file' })).toBe(audited + 2);

    // The same file again (SIGHUP does this) changes and records nothing.
    const unchanged = logs.next('catalog file applied');
    await running.app.reloadCatalogFile();
    expect((await unchanged).changes).toBe(0);
    expect(await em.fork().count(CatalogChangeSchema, { actorKind: 'catalog_file' })).toBe(audited + 2);

    const rejected = logs.next('catalog file rejected: the catalog stays as it was');
    await writeFile(file, catalogYaml(server.url, '0.0000004', false).replace('family: openai', 'family: openia'));
    expect((await rejected).issues).toEqual([{ where: 'catalog.yaml:5', path: 'providers[0].family', message: expect.stringMatching(/openai/) }]);
    expect((await complete({ model: 'acme/llama-ft' })).body.provider).toBe('Team vLLM');
  });
});

describe('a malformed CATALOG_FILE', () => {
  it('stops start-up, naming the line and the field', async () => {
    const [pglite] = await databaseTargets();
    const db = await pglite!.create();
    const dir = await mkdtemp(join(tmpdir(), 'switchyard-catalog-'));
    const file = join(dir, 'catalog.yaml');
    await writeFile(file, 'providers:\n  - slug: vllm\n    name: Team vLLM\n    family: openai\n    baseUrl: localhost:8000\n    credentialEnv: vllm-key\n');
    const app = buildApp(testConfig(db.config, { catalogFile: file }), { logger: pino({ level: 'silent' }) });
    try {
      const started = app.start();
      await expect(started).rejects.toBeInstanceOf(CatalogFileError);
      await expect(started).rejects.toThrow(/catalog\.yaml:5: providers\[0\]\.baseUrl: expected an http:\/\/ or https:\/\/ URL/);
      await expect(started).rejects.toThrow(/catalog\.yaml:6: providers\[0\]\.credentialEnv: expected an environment variable name/);
    } finally {
      await app.stop().catch(() => {}); // the failed start already closed what it had opened
      await db.dispose();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
