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
});
