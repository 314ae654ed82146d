import { describe, expect, it } from 'vitest';
import { createUpstreamDirectory } from '../../src/gateway/upstreams.js';

const openai = { slug: 'openai', baseUrl: 'https://api.openai.com/v1' };
const groq = { slug: 'groq', baseUrl: 'https://api.groq.com/openai/v1' };
const sim = 'http://127.0.0.1:4010';

describe('createUpstreamDirectory', () => {
  it('auto: live with a platform credential, simulated without', () => {
    const d = createUpstreamDirectory({ mode: 'auto', credentials: { openai: 'sk-real' }, simulatorUrl: sim });
    expect(d.resolve(openai)).toEqual({ mode: 'live', baseUrl: 'https://api.openai.com/v1', apiKey: 'sk-real' });
    expect(d.resolve(groq)).toEqual({ mode: 'simulated', baseUrl: 'http://127.0.0.1:4010/p/groq/openai/v1', apiKey: 'simulated' });
  });

  it('all: simulated even with a credential; off: never simulated', () => {
    expect(createUpstreamDirectory({ mode: 'all', credentials: { openai: 'sk-real' }, simulatorUrl: sim }).resolve(openai).mode).toBe('simulated');
    const off = createUpstreamDirectory({ mode: 'off', credentials: { openai: 'sk-real' }, simulatorUrl: sim });
    expect(off.resolve(openai).mode).toBe('live');
    expect(off.resolve(groq)).toEqual({ mode: 'unavailable', reason: 'no credential for groq (set PROVIDER_GROQ_API_KEY)' });
  });

  it('reads the credential from the variable a provider declares, and sends its extra headers', () => {
    const env: Record<string, string> = { CORP_GATEWAY_TOKEN: 'tok-1' };
    const d = createUpstreamDirectory({ mode: 'off', credentials: { corp: 'from-PROVIDER_CORP_API_KEY' }, credentialFromEnv: (n) => env[n], simulatorUrl: sim });
    const corp = { slug: 'corp', baseUrl: 'https://llm.corp.example/v1', credentialEnv: 'CORP_GATEWAY_TOKEN', extraHeaders: { 'x-team': 'research' }, origin: 'file' as const };
    expect(d.resolve(corp)).toEqual({ mode: 'live', baseUrl: 'https://llm.corp.example/v1', apiKey: 'tok-1', headers: { 'x-team': 'research' } });
    // Declared but unset: PROVIDER_<SLUG>_API_KEY still counts; with neither, a built-in provider is unavailable and names the variable.
    expect(d.resolve({ ...corp, credentialEnv: 'UNSET' })).toMatchObject({ mode: 'live', apiKey: 'from-PROVIDER_CORP_API_KEY' });
    expect(d.resolve({ ...groq, credentialEnv: 'GROQ_KEY', origin: 'builtin' })).toEqual({ mode: 'unavailable', reason: 'no credential for groq (set GROQ_KEY)' });
  });

  it("calls an operator's own server without a key, and simulates it only under `all`", () => {
    const vllm = { slug: 'vllm', baseUrl: 'http://127.0.0.1:8000/v1', credentialEnv: null, origin: 'file' as const };
    expect(createUpstreamDirectory({ mode: 'auto', credentials: {}, simulatorUrl: sim }).resolve(vllm)).toEqual({ mode: 'live', baseUrl: 'http://127.0.0.1:8000/v1', apiKey: '' });
    expect(createUpstreamDirectory({ mode: 'all', credentials: {}, simulatorUrl: sim }).resolve(vllm).mode).toBe('simulated');
    expect(createUpstreamDirectory({ mode: 'auto', credentials: {}, simulatorUrl: sim }).resolve({ ...vllm, origin: 'builtin' }).mode).toBe('simulated');
  });
});
