import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureConsoleBuilt } from '../../scripts/build-console.js';
import { fastProfile, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { databaseTargets } from '../support/databases.js';
import { REDIS_URL, redisAvailable } from '../support/redis.js';
import { startTestApp, testConfig, TEST_KEYS, type RunningApp } from '../support/app.js';
import { browserAvailable, isolatedContext, launchChromium, screenshot } from '../support/browser.js';
import { graphqlHttp } from '../support/graphql-client.js';
import { GenerationRecordDocument, PurchaseCreditsDocument, ViewerGenerationsDocument } from '../gql/graphql.js';

const OPERATOR_KEY = 'sk-sy-v1-test-operator-key-0000000000000000000000';
const LLAMA = 'meta-llama/llama-3.3-70b-instruct';
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

const runs = browserAvailable();
const [pglite, postgres] = await databaseTargets();
// The embedded default, and PostgreSQL + Redis as several instances would run.
const stacks = [
  { name: 'embedded', target: pglite!, redisUrl: undefined },
  ...(postgres && (await redisAvailable()) ? [{ name: 'postgres+redis', target: postgres, redisUrl: REDIS_URL }] : []),
];

let browser: Browser;
let simulator: RunningSimulator;
beforeAll(async () => {
  if (!runs) return;
  await ensureConsoleBuilt({ log: () => {} });
  browser = await launchChromium();
  // Paced answers (60 tokens in about a second), so a stream can be interrupted while it runs.
  simulator = await startSimulator({ port: 0, profiles: {}, fallbackProfile: { ...fastProfile, ttftMs: 50, tokensPerSecond: 60, completionTokens: 60 } });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await simulator?.stop();
});

describe.skipIf(!runs).each(stacks)('the console in Chromium ($name)', ({ name, target, redisUrl }) => {
  let running: RunningApp;
  let contexts: { context: BrowserContext; offLimits: string[]; pageErrors: string[] }[] = [];

  beforeAll(async () => {
    const base = testConfig({ kind: 'embedded', dataDir: 'unused' });
    running = await startTestApp(target, {
      redisUrl,
      operatorKey: OPERATOR_KEY,
      upstreams: { ...base.upstreams, simulatorUrl: simulator.url },
      healthFeed: { ...base.healthFeed, intervalMs: 100 },
    });
  }, 120_000);
  afterAll(() => running?.stop());

  /** A fresh browser context (its own session storage) that may reach only the app. */
  const open = async (viewport?: { width: number; height: number }) => {
    const isolated = await isolatedContext(browser, running.url, { viewport });
    contexts.push(isolated);
    return isolated.context.newPage();
  };
  afterEach(async () => {
    const checked = contexts;
    contexts = [];
    await Promise.all(checked.map((c) => c.context.close()));
    // No test passes if the console or GraphiQL reached for anything but this server, or threw.
    expect(checked.flatMap((c) => c.offLimits)).toEqual([]);
    expect(checked.flatMap((c) => c.pageErrors)).toEqual([]);
  });

  const signIn = async (page: Page, key: string, path = '/') => {
    await page.goto(`${running.url}${path}`);
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  };

  it('signs in with the development key and finds a model with its endpoints, prices and live health', async () => {
    const page = await open();
    await page.goto(running.url);
    await page.waitForURL('**/sign-in');
    await page.getByLabel('API key').fill('sk-sy-v1-not-a-real-key-000000000000000000000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Your key was not accepted' }).waitFor();
    await screenshot(page, name, 'sign-in');

    await page.getByLabel('API key').fill(TEST_KEYS.management);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/catalog');
    expect(await page.evaluate(() => Object.values(sessionStorage))).toEqual([TEST_KEYS.management]);
    await page.getByRole('searchbox', { name: 'Search' }).fill('llama 3.3');
    const row = page.locator('table.models tbody tr', { hasText: LLAMA });
    await row.waitFor();
    await expect.poll(() => page.locator('table.models tbody tr', { hasText: 'openai/gpt-4o' }).count()).toBe(0);
    await screenshot(page, name, 'catalog');

    await row.getByRole('link').click();
    await page.waitForURL(`**/models/${LLAMA}`);
    const groq = page.locator('table.endpoints tr[data-provider="groq"]');
    await groq.waitFor();
    // Prices per million tokens, exactly as listed ($0.59 / $0.79 for Groq's Llama 3.3 70B).
    await expect.poll(() => groq.locator('td.num').allInnerTexts()).toEqual(expect.arrayContaining(['$0.59', '$0.79']));
    await page.getByText('Health is live').waitFor();
    expect(await groq.locator('td.health-badges').innerText()).toMatch(/unknown\s+closed/);
    await screenshot(page, name, 'model');
  }, 60_000);

  it('streams a playground answer beside its routing timeline, and resumes from the last cursor when the socket drops', async () => {
    const before = (await graphqlHttp(running.url, ViewerGenerationsDocument, { first: 100 }, bearer(TEST_KEYS.management))).data!.viewer.generations.edges.length;
    const page = await open();
    // Forward graphql-ws frames both ways, and drop the first connection after the third text delta.
    const fromPage: { connection: number; message: { type: string; payload?: { query?: string; variables?: Record<string, unknown> } } }[] = [];
    let connections = 0;
    let deltas = 0;
    let cursorAtDrop: string | undefined;
    let finalText: string | undefined;
    await page.routeWebSocket(/\/graphql$/, (ws) => {
      const connection = ++connections;
      const server = ws.connectToServer();
      ws.onMessage((m) => {
        fromPage.push({ connection, message: JSON.parse(String(m)) });
        server.send(m);
      });
      server.onMessage((m) => {
        const data = JSON.parse(String(m)).payload?.data;
        const event = data?.complete ?? data?.completionStream;
        if (event?.__typename === 'CompletionFinished') finalText = event.text;
        ws.send(m);
        if (connection === 1 && event?.__typename === 'TextDelta' && ++deltas === 3) {
          cursorAtDrop = event.cursor;
          ws.close({ code: 1012, reason: 'test: the network dropped' });
          server.close();
        }
      });
    });
    await signIn(page, TEST_KEYS.management, '/playground');
    await page.locator('textarea[name=prompt]').fill('How does a router pick a provider?');
    await page.getByRole('button', { name: 'Send' }).click();

    const timeline = page.getByLabel('Routing timeline');
    await timeline.getByTestId('served-provider').waitFor();
    await timeline.getByText('(exact)').waitFor();
    await timeline.getByText('at the server').waitFor(); // the settled record was read back
    expect(cursorAtDrop).toBeDefined();
    expect(await timeline.innerText()).toMatch(/resumed after 1 reconnect/);
    expect(await timeline.innerText()).toMatch(/Candidates, in order[\s\S]*weighted pick/i);
    expect(await timeline.locator('ol.attempts li[data-status=succeeded]').count()).toBe(1);

    // The answer is the whole answer: no gap, no repeat across the reconnect.
    const answer = page.locator('.message.assistant .text').last();
    expect(finalText).toBeTruthy();
    await expect.poll(() => answer.innerText()).toBe(finalText);
    // `complete` was sent once (a second would start a second generation); the resume used the cursor.
    const subscribes = fromPage.filter((f) => f.message.type === 'subscribe');
    expect(subscribes.filter((f) => /\bcomplete\(/.test(f.message.payload!.query!))).toHaveLength(1);
    const resumed = subscribes.filter((f) => /\bcompletionStream\(/.test(f.message.payload!.query!));
    expect(resumed.map((f) => [f.connection, f.message.payload!.variables!.after])).toEqual([[2, cursorAtDrop]]);
    const after = (await graphqlHttp(running.url, ViewerGenerationsDocument, { first: 100 }, bearer(TEST_KEYS.management))).data!.viewer.generations.edges.length;
    expect(after).toBe(before + 1);
    await screenshot(page, name, 'playground');
  }, 60_000);

  it('creates a key and shows its secret once, with a copy button', async () => {
    const page = await open();
    await signIn(page, TEST_KEYS.management, '/keys');
    await page.getByLabel('Name').first().fill('browser-made key');
    await page.getByLabel('Spending limit (USD)').fill('2.50');
    await page.getByLabel('Limit resets').selectOption('DAILY');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = await page.getByTestId('new-key-secret').inputValue();
    expect(secret).toMatch(/^sk-sy-v1-/);
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await page.getByRole('button', { name: 'Copied', exact: true }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    // The key works, and it is the one the list now shows (by its prefix only).
    const key = await fetch(`${running.url}/api/v1/key`, { headers: bearer(secret) });
    expect(key.status).toBe(200);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    const row = page.locator('tr[data-key-name="browser-made key"]');
    await row.waitFor();
    expect(await row.innerText()).toMatch(/\$2\.50[\s\S]*Daily/);
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    await row.waitFor();
    expect(await page.content()).not.toContain(secret);
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(secret);

    // Edit its limit, disable it (the API refuses it from then on), delete it.
    await row.getByRole('button', { name: 'Edit' }).click();
    await page.locator('input[name=editLimit]').fill('5');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => row.innerText()).toMatch(/\$5\.00/);
    await row.getByRole('button', { name: 'Disable' }).click();
    await row.getByText('disabled').waitFor();
    expect((await fetch(`${running.url}/api/v1/key`, { headers: bearer(secret) })).status).toBe(401);
    await screenshot(page, name, 'keys');
    await row.getByRole('button', { name: 'Delete' }).click();
    await row.getByRole('button', { name: 'Delete' }).click(); // confirm
    await row.waitFor({ state: 'detached' });

    // A provider key (BYOK) is stored and shown masked; without SECRET_KEY the server says why it can't.
    const byok = page.locator('.card', { hasText: 'Provider keys (BYOK)' });
    await byok.locator('select[name=byokProvider]').selectOption('openai');
    await byok.locator('input[name=byokSecret]').fill('sk-browser-test-byok-key-7a3f');
    await byok.getByRole('button', { name: 'Save provider key' }).click();
    if (target.name === 'pglite') {
      const stored = byok.locator('tr', { hasText: '7a3f' });
      await stored.waitFor();
      expect(await page.content()).not.toContain('sk-browser-test-byok-key-7a3f');
      // Removed again, so later requests to openai are billed on credits.
      await stored.getByRole('button', { name: 'Remove' }).click();
      await stored.waitFor({ state: 'detached' });
    } else {
      await byok.getByRole('alert').filter({ hasText: 'This server is not set up for that' }).waitFor();
    }
  }, 60_000);

  it('shows a generation in Activity, its detail with attempts and cost, and in Usage', async () => {
    const res = await fetch(`${running.url}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(TEST_KEYS.inference) },
      body: JSON.stringify({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Count to three.' }], max_tokens: 40 }),
    });
    expect(res.status).toBe(200);
    const generationId = res.headers.get('x-generation-id')!;
    const body = (await res.json()) as { usage: { prompt_tokens: number; completion_tokens: number } };

    const page = await open();
    await signIn(page, TEST_KEYS.management, '/activity');
    await page.getByLabel('Provider').selectOption('openai');
    const row = page.locator('table.generations tbody tr', { hasText: generationId });
    await row.waitFor();
    await expect.poll(() => page.locator('table.generations tbody tr.clickable').count()).toBe(1);
    await screenshot(page, name, 'activity');
    await row.click();
    await page.waitForURL(`**/activity/${generationId}`);
    await page.getByRole('heading', { name: 'Attempts (1)' }).waitFor();
    // The exact cost the server settled, digit for digit (a fraction of a cent here).
    const { cost } = (await graphqlHttp(running.url, GenerationRecordDocument, { id: generationId }, bearer(TEST_KEYS.inference))).data!.generation!;
    expect(cost).toMatch(/^0\.\d{2,}$/);
    expect(await page.getByTestId('generation-detail-cost').innerText()).toBe(`$${cost}`);
    expect(await page.locator('.stats').innerText()).toContain(`${body.usage.prompt_tokens} → ${body.usage.completion_tokens}`);
    await screenshot(page, name, 'generation');

    await page.getByRole('link', { name: 'Usage' }).click();
    await page.getByRole('tab', { name: 'By model' }).waitFor();
    const byModel = page.getByTestId('usage-by-model');
    await byModel.locator('tr', { hasText: 'openai/gpt-4o-mini' }).waitFor();
    // The page's totals are the API's.
    const requests = Number((await page.getByTestId('usage-requests').innerText()).replace(/,/g, ''));
    const api = await graphqlHttp(running.url, ViewerGenerationsDocument, { first: 100 }, bearer(TEST_KEYS.management));
    expect(requests).toBe(api.data!.viewer.generations.edges.length);
    await page.getByRole('tab', { name: 'By key' }).click();
    await page.getByTestId('usage-by-key').locator('tr', { hasText: 'Development inference key' }).waitFor();
    await screenshot(page, name, 'usage');
  }, 60_000);

  it('buys credits with the fee shown before confirming, and explains a refused amount', async () => {
    const page = await open();
    await signIn(page, TEST_KEYS.management, '/credits');
    const balance = page.getByTestId('balance');
    await balance.waitFor();
    const before = await balance.innerText();
    await page.getByLabel('Amount (USD, 1–10,000)').fill('0.5');
    await page.getByRole('button', { name: 'Review purchase' }).click();
    await page.getByRole('alert').filter({ hasText: 'Check “amount”: amount must be between 1 and 10000 USD' }).waitFor();

    await page.getByLabel('Amount (USD, 1–10,000)').fill('25');
    await page.getByRole('button', { name: 'Review purchase' }).click();
    const quote = page.getByTestId('purchase-quote');
    await quote.waitFor();
    expect(await quote.innerText()).toMatch(/Credits\s+\$25\.00\s+Fee\s+\$1\.375\s+You are charged\s+\$26\.375/);
    await page.getByRole('button', { name: 'Confirm: charge $26.375' }).click();
    await page.getByText('Added $25.00 of credits (charged $26.375).').waitFor();
    await expect.poll(() => balance.innerText()).not.toBe(before);
    const ledger = page.locator('table.ledger tbody tr');
    await expect.poll(() => ledger.nth(0).innerText()).toMatch(/fee[\s\S]*−\$1\.375|purchase[\s\S]*\$26\.375/);
    await screenshot(page, name, 'credits');

    // More movements than a page holds (20): the oldest, the development grant, is on the next page.
    for (let i = 0; i < 10; i++) {
      const bought = await graphqlHttp(running.url, PurchaseCreditsDocument, { input: { amount: '1', idempotencyKey: `browser-paging-${i}` } }, bearer(TEST_KEYS.management));
      expect(bought.data!.purchaseCredits.__typename).toBe('CreditPurchase');
    }
    await page.reload();
    await expect.poll(() => ledger.count()).toBe(20);
    expect(await page.locator('table.ledger').innerText()).not.toContain('Development credits');
    await page.getByRole('button', { name: 'Older →' }).click();
    await page.locator('table.ledger', { hasText: 'Development credits' }).waitFor();
    await page.getByRole('button', { name: '← Newer' }).click();
    await page.locator('table.ledger', { hasText: 'Development credits' }).waitFor({ state: 'detached' });
    await expect.poll(() => ledger.count()).toBe(20);
  }, 60_000);

  it('watches a provider’s health change on the Live board when the operator disables an endpoint', async () => {
    const live = await open();
    await signIn(live, OPERATOR_KEY, '/live');
    const groqLlama = live.locator(`[data-provider="groq"] li[data-model="${LLAMA}"]`);
    await groqLlama.waitFor();
    expect(await groqLlama.getAttribute('data-status')).toBe('ACTIVE');
    // The operator's feed has every account's decisions: here the development account's request.
    const res = await fetch(`${running.url}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(TEST_KEYS.inference) },
      body: JSON.stringify({ model: LLAMA, messages: [{ role: 'user', content: 'Hello from another account.' }], max_tokens: 5 }),
    });
    expect(res.status).toBe(200);
    const generationId = res.headers.get('x-generation-id')!;
    const feed = live.locator('ol.feed');
    await feed.locator('li', { hasText: 'plan' }).filter({ has: live.locator(`a[href="/activity/${generationId}"]`) }).waitFor();
    await feed.locator('li', { hasText: 'succeeded' }).filter({ has: live.locator(`a[href="/activity/${generationId}"]`) }).first().waitFor();

    const operator = await live.context().newPage();
    await signIn(operator, OPERATOR_KEY, '/operator');
    await operator.getByLabel('Provider').selectOption('groq');
    const row = operator.locator(`tr[data-endpoint="groq/${LLAMA}"]`);
    await row.waitFor();
    await row.getByRole('combobox').selectOption('DISABLED');
    await operator.getByText('Now disabled.').waitFor();
    await screenshot(operator, name, 'operator');

    await live.locator(`[data-provider="groq"] li[data-model="${LLAMA}"][data-status="DISABLED"]`).waitFor({ timeout: 10_000 });
    expect(await groqLlama.innerText()).toMatch(/disabled/);
    await screenshot(live, name, 'live');
    await row.getByRole('combobox').selectOption('ACTIVE');
    await live.locator(`[data-provider="groq"] li[data-model="${LLAMA}"][data-status="ACTIVE"]`).waitFor({ timeout: 10_000 });

    // List prices are edited per million tokens and stored per token, exactly.
    await row.getByRole('button', { name: 'Edit prices' }).click();
    await operator.getByLabel('Prompt $/M').fill('0.61');
    await operator.getByRole('button', { name: 'Save prices' }).click();
    await operator.getByText('Prices saved.').waitFor();
    await expect.poll(() => row.locator('td.num').first().innerText()).toBe('$0.61');
    const endpoints = await (await fetch(`${running.url}/api/v1/models/${LLAMA}/endpoints`)).json();
    expect(endpoints.data.endpoints.find((e: { tag: string }) => e.tag === 'groq').pricing.prompt).toBe('0.00000061');
  }, 60_000);

  it('serves a working GraphiQL from local assets only', async () => {
    const page = await open();
    const introspection = page.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().method() === 'POST' && r.status() === 200);
    await page.goto(`${running.url}/graphql`);
    await introspection;
    await page.locator('.graphiql-container').first().waitFor();
    await page.locator('.graphiql-execute-button').waitFor();
    await screenshot(page, name, 'graphiql');
  }, 60_000);

  it('fits a phone screen: the menu folds away and no page scrolls sideways', async () => {
    const page = await open({ width: 390, height: 844 });
    await signIn(page, TEST_KEYS.management, '/catalog');
    await expect.poll(() => page.locator('#nav').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.locator('#nav').getByRole('link', { name: 'Playground' }).click();
    await page.waitForURL('**/playground');
    for (const path of ['/catalog', `/models/${LLAMA}`, '/playground', '/keys', '/credits', '/usage', '/activity', '/live']) {
      await page.goto(`${running.url}${path}`);
      await page.locator('main h1').waitFor();
      await expect.poll(() => page.getByText(/^Loading/).count()).toBe(0);
      if (path === '/live') await page.locator(`[data-provider="together"] li[data-model="${LLAMA}"]`).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await screenshot(page, name, `phone${path.replace(/\//g, '-')}`);
    }
  }, 90_000);
});
