import { simulatedBaseUrl } from '../simulator/index.js';

export type SimulationMode = 'auto' | 'all' | 'off';

/** Where requests for a provider go: its real API with a platform credential, the simulator, or nowhere. */
export type Upstream =
  | { mode: 'live'; baseUrl: string; apiKey: string; headers?: Readonly<Record<string, string>> }
  | { mode: 'simulated'; baseUrl: string; apiKey: string; headers?: Readonly<Record<string, string>> }
  | { mode: 'unavailable'; reason: string };

export interface UpstreamDirectory {
  resolve(provider: { slug: string; baseUrl: string }): Upstream;
  /** Where a request sent with the account's own key goes: the real API, or the simulator under `all`. */
  resolveByok(provider: { slug: string; baseUrl: string }, apiKey: string): Upstream;
}

/**
 * `auto` (default): live where the platform has a credential (PROVIDER_<SLUG>_API_KEY), simulated
 * elsewhere; `all`: everything simulated (tests, benchmarks); `off`: live or unavailable (production).
 */
export function createUpstreamDirectory(options: {
  mode: SimulationMode;
  credentials: Readonly<Record<string, string>>;
  simulatorUrl: string | undefined;
}): UpstreamDirectory {
  return {
    resolve({ slug, baseUrl }) {
      const credential = options.credentials[slug];
      if (credential && options.mode !== 'all') return { mode: 'live', baseUrl, apiKey: credential };
      if (options.mode !== 'off' && options.simulatorUrl) {
        return { mode: 'simulated', baseUrl: simulatedBaseUrl(options.simulatorUrl, slug, baseUrl), apiKey: 'simulated' };
      }
      return { mode: 'unavailable', reason: `no credential for ${slug} (set PROVIDER_${slug.toUpperCase().replace(/-/g, '_')}_API_KEY)` };
    },
    resolveByok({ slug, baseUrl }, apiKey) {
      if (options.mode === 'all' && options.simulatorUrl) return { mode: 'simulated', baseUrl: simulatedBaseUrl(options.simulatorUrl, slug, baseUrl), apiKey };
      return { mode: 'live', baseUrl, apiKey };
    },
  };
}
