import type { ProviderPreferences } from './types.js';

/** How clients may name a provider: its slug ("deepinfra") or display name ("DeepInfra"), in any case. */
export interface ProviderNames {
  /** The slug a client's reference means, or undefined when no provider goes by it. */
  slugOf(reference: string): string | undefined;
  /** The display name responses report (the slug itself for a provider no longer in the catalog). */
  nameOf(slug: string): string;
}

const key = (reference: string) => reference.trim().toLowerCase();

/** Slugs win over display names should one provider's name be another's slug. */
export function providerNames(providers: readonly { slug: string; name: string }[]): ProviderNames {
  const bySlug = new Map(providers.map((p) => [p.slug, p.name]));
  const byReference = new Map<string, string>();
  for (const p of providers) byReference.set(key(p.name), p.slug);
  for (const p of providers) byReference.set(key(p.slug), p.slug);
  return {
    slugOf: (reference) => byReference.get(key(reference)),
    nameOf: (slug) => bySlug.get(slug) ?? slug,
  };
}

const LISTS = ['order', 'only', 'ignore'] as const;

export interface UnknownProvider {
  field: (typeof LISTS)[number];
  reference: string;
}

export type ResolvedPreferences = { ok: true; preferences: ProviderPreferences } | { ok: false; unknown: UnknownProvider[] };

/**
 * `order`/`only`/`ignore` as slugs. A name matching no provider is refused rather than dropped: an
 * ignored `ignore` entry would send traffic exactly where the client said it must not go.
 */
export function resolveProviderReferences(preferences: ProviderPreferences, names: ProviderNames): ResolvedPreferences {
  const unknown: UnknownProvider[] = [];
  const resolved: ProviderPreferences = { ...preferences };
  for (const field of LISTS) {
    const list = preferences[field];
    if (!list) continue;
    const slugs: string[] = [];
    for (const reference of list) {
      const slug = names.slugOf(reference);
      if (slug === undefined) unknown.push({ field, reference });
      else if (!slugs.includes(slug)) slugs.push(slug);
    }
    resolved[field] = slugs;
  }
  return unknown.length ? { ok: false, unknown } : { ok: true, preferences: resolved };
}

/** One sentence naming every unknown reference and where it was. */
export function unknownProvidersMessage(unknown: readonly UnknownProvider[]): string {
  const listed = unknown.map((u) => `"${u.reference}" (provider.${u.field})`).join(', ');
  return `Unknown provider${unknown.length > 1 ? 's' : ''} ${listed}: name providers by slug or display name, as GET /api/v1/providers lists them`;
}
