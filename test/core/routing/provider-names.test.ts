import { describe, expect, it } from 'vitest';
import { providerNames, resolveProviderReferences, unknownProvidersMessage } from '../../../src/core/routing/index.js';

const names = providerNames([
  { slug: 'deepinfra', name: 'DeepInfra' },
  { slug: 'google', name: 'Google AI Studio' },
  { slug: 'groq', name: 'Groq' },
  // A display name that is another provider's slug: the slug wins.
  { slug: 'acme', name: 'groq' },
]);

describe('provider names', () => {
  it('reads slugs and display names in any case and spacing', () => {
    expect(names.slugOf('DeepInfra')).toBe('deepinfra');
    expect(names.slugOf('deepinfra')).toBe('deepinfra');
    expect(names.slugOf('  DEEPINFRA ')).toBe('deepinfra');
    expect(names.slugOf('google ai studio')).toBe('google');
    expect(names.slugOf('groq')).toBe('groq');
    expect(names.slugOf('Deep Infra')).toBeUndefined();
    expect(names.nameOf('google')).toBe('Google AI Studio');
    expect(names.nameOf('retired')).toBe('retired');
  });

  it('turns order/only/ignore into slugs, without duplicates, leaving everything else alone', () => {
    const resolved = resolveProviderReferences({ order: ['Groq', 'groq', 'DeepInfra'], ignore: ['Google AI Studio'], zdr: true }, names);
    expect(resolved).toEqual({ ok: true, preferences: { order: ['groq', 'deepinfra'], ignore: ['google'], zdr: true } });
  });

  it('refuses references to providers that do not exist, saying which and where', () => {
    const resolved = resolveProviderReferences({ only: ['Groq', 'DeepInfro'], ignore: ['deepinfra/turbo'] }, names);
    expect(resolved).toEqual({ ok: false, unknown: [{ field: 'only', reference: 'DeepInfro' }, { field: 'ignore', reference: 'deepinfra/turbo' }] });
    if (resolved.ok) return;
    expect(unknownProvidersMessage(resolved.unknown)).toBe(
      'Unknown providers "DeepInfro" (provider.only), "deepinfra/turbo" (provider.ignore): name providers by slug or display name, as GET /api/v1/providers lists them',
    );
  });
});
