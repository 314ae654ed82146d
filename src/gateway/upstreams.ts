import { simulatedBaseUrl } from '../simulator/index.js';

export type SimulationMode = 'auto' | 'all' | 'off';

/** Where requests for a provider go: its real API with a platform credential, the simulator, or nowhere. */
export type Upstream =
  | { mode: 'live'; baseUrl: string; apiKey: string; headers?: Readonly<Record<string, string>> }
  | { mode: 'simulated'; baseUrl: string; apiKey: string; headers?: Readonly<Record<string, string>> }
  | { mode: 'unavailable'; reason: string };

/** What the directory needs to know about a provider (a catalog row or the routing snapshot's dispatch info). */
export interface UpstreamProvider {
  slug: string;
  baseUrl: string;
  /** The environment variable holding its credential; PROVIDER_<SLUG>_API_KEY is read when it is not set. */
  credentialEnv?: string | null | undefined;
  extraHeaders?: Readonly<Record<string, string>> | null | undefined;
  /** `file`/`operator`: a server of the operator's own (vLLM, Ollama, a gateway) — called, never simulated. */
  origin?: 'builtin' | 'file' | 'operator' | undefined;
}

export interface UpstreamDirectory {
  resolve(provider: UpstreamProvider): Upstream;
  /** Where a request sent with the account's own key goes: the real API, or the simulator under `all`. */
  resolveByok(provider: UpstreamProvider, apiKey: string): Upstream;
}

const defaultEnv = (slug: string) => `PROVIDER_${slug.toUpperCase().replace(/-/g, '_')}_API_KEY`;

/**
 * `auto` (default): live where the platform has a credential (the provider's credentialEnv, else
 * PROVIDER_<SLUG>_API_KEY) or the provider is the operator's own, simulated elsewhere; `all`: everything
 * simulated (tests, benchmarks); `off`: live or unavailable (production).
 */
export function createUpstreamDirectory(options: {
  mode: SimulationMode;
  /** Platform credentials by provider slug (PROVIDER_<SLUG>_API_KEY). */
  credentials: Readonly<Record<string, string>>;
  /** Reads a declared credential variable (config's view of the environment). */
  credentialFromEnv?: ((name: string) => string | undefined) | undefined;
  simulatorUrl: string | undefined;
}): UpstreamDirectory {
  const simulated = (p: UpstreamProvider, apiKey: string): Upstream | undefined =>
    options.mode !== 'off' && options.simulatorUrl ? { mode: 'simulated', baseUrl: simulatedBaseUrl(options.simulatorUrl, p.slug, p.baseUrl), apiKey } : undefined;
  const headers = (p: UpstreamProvider) => (p.extraHeaders ? { headers: p.extraHeaders } : {});
  return {
    resolve(p) {
      const credential = (p.credentialEnv ? options.credentialFromEnv?.(p.credentialEnv) : undefined) ?? options.credentials[p.slug];
      const own = p.origin === 'file' || p.origin === 'operator';
      if (options.mode !== 'all' && (credential || own)) return { mode: 'live', baseUrl: p.baseUrl, apiKey: credential ?? '', ...headers(p) };
      return simulated(p, 'simulated') ?? { mode: 'unavailable', reason: `no credential for ${p.slug} (set ${p.credentialEnv ?? defaultEnv(p.slug)})` };
    },
    resolveByok(p, apiKey) {
      if (options.mode === 'all') return simulated(p, apiKey) ?? { mode: 'live', baseUrl: p.baseUrl, apiKey, ...headers(p) };
      return { mode: 'live', baseUrl: p.baseUrl, apiKey, ...headers(p) };
    },
  };
}
