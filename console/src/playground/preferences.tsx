import type { CompletionInput, ProviderPreferencesInput, ProviderSortBy } from '../gql/graphql';
import { parseAmount } from '../lib/money';

export interface RequestSettings {
  model: string;
  fallbacks: string[];
  sort: ProviderSortBy | '';
  only: string[];
  ignore: string[];
  allowFallbacks: boolean;
  denyDataCollection: boolean;
  zdr: boolean;
  maxPromptPerMillion: string;
  maxCompletionPerMillion: string;
  maxTokens: string;
  temperature: string;
  system: string;
}

export const defaultSettings = (model: string): RequestSettings => ({
  model,
  fallbacks: [],
  sort: '',
  only: [],
  ignore: [],
  allowFallbacks: true,
  denyDataCollection: false,
  zdr: false,
  maxPromptPerMillion: '',
  maxCompletionPerMillion: '',
  maxTokens: '256',
  temperature: '',
  system: '',
});

/** The `provider` preferences of the request, or undefined when none differs from the defaults. */
export function providerPreferences(s: RequestSettings): ProviderPreferencesInput | undefined {
  const prefs: ProviderPreferencesInput = {};
  if (s.sort) prefs.sort = { by: s.sort };
  if (s.only.length) prefs.only = s.only;
  if (s.ignore.length) prefs.ignore = s.ignore;
  if (!s.allowFallbacks) prefs.allowFallbacks = false;
  if (s.denyDataCollection) prefs.dataCollection = 'DENY';
  if (s.zdr) prefs.zdr = true;
  const prompt = parseAmount(s.maxPromptPerMillion);
  const completion = parseAmount(s.maxCompletionPerMillion);
  if (prompt || completion) prefs.maxPrice = { ...(prompt ? { prompt } : {}), ...(completion ? { completion } : {}) };
  return Object.keys(prefs).length ? prefs : undefined;
}

export function completionInput(s: RequestSettings, messages: { role: string; content: string }[]): CompletionInput {
  const maxTokens = Number.parseInt(s.maxTokens, 10);
  const temperature = Number.parseFloat(s.temperature);
  return {
    model: s.model,
    ...(s.fallbacks.length ? { models: s.fallbacks } : {}),
    messages: [...(s.system.trim() ? [{ role: 'system', content: s.system.trim() }] : []), ...messages],
    ...(Number.isFinite(maxTokens) && maxTokens > 0 ? { maxTokens } : {}),
    ...(Number.isFinite(temperature) ? { temperature } : {}),
    provider: providerPreferences(s),
  };
}

const toggle = (list: string[], value: string, on: boolean) => (on ? [...new Set([...list, value])] : list.filter((v) => v !== value));

export function SettingsForm({ settings, onChange, models, providers, disabled }: { settings: RequestSettings; onChange: (s: RequestSettings) => void; models: { slug: string; name: string }[]; providers: { slug: string; name: string }[]; disabled: boolean }) {
  const set = <K extends keyof RequestSettings>(key: K, value: RequestSettings[K]) => onChange({ ...settings, [key]: value });
  return (
    <fieldset className="settings" disabled={disabled}>
      <legend>Request</legend>
      <label>
        Model
        <select name="model" value={settings.model} onChange={(e) => set('model', e.target.value)}>
          {models.map((m) => (
            <option key={m.slug} value={m.slug}>
              {m.name} ({m.slug})
            </option>
          ))}
        </select>
      </label>
      <label>
        Fallback models
        <select
          name="fallback"
          value=""
          onChange={(e) => e.target.value && set('fallbacks', toggle(settings.fallbacks, e.target.value, true))}
        >
          <option value="">Add a fallback…</option>
          {models
            .filter((m) => m.slug !== settings.model && !settings.fallbacks.includes(m.slug))
            .map((m) => (
              <option key={m.slug} value={m.slug}>
                {m.name}
              </option>
            ))}
        </select>
      </label>
      {settings.fallbacks.length > 0 && (
        <ul className="chips">
          {settings.fallbacks.map((slug) => (
            <li key={slug}>
              {slug}{' '}
              <button type="button" className="link" aria-label={`Remove fallback ${slug}`} onClick={() => set('fallbacks', toggle(settings.fallbacks, slug, false))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>Provider preferences</summary>
        <label>
          Sort providers by
          <select name="sort" value={settings.sort} onChange={(e) => set('sort', e.target.value as ProviderSortBy | '')}>
            <option value="">Load balancing (default)</option>
            <option value="PRICE">Price</option>
            <option value="THROUGHPUT">Throughput</option>
            <option value="LATENCY">Latency</option>
          </select>
        </label>
        <div className="provider-picks">
          <span>Only / ignore</span>
          {providers.map((p) => (
            <div key={p.slug} className="provider-pick">
              <span>{p.name}</span>
              <label className="check">
                <input type="checkbox" checked={settings.only.includes(p.slug)} onChange={(e) => set('only', toggle(settings.only, p.slug, e.target.checked))} />
                only
              </label>
              <label className="check">
                <input type="checkbox" checked={settings.ignore.includes(p.slug)} onChange={(e) => set('ignore', toggle(settings.ignore, p.slug, e.target.checked))} />
                ignore
              </label>
            </div>
          ))}
        </div>
        <label className="check">
          <input type="checkbox" checked={settings.allowFallbacks} onChange={(e) => set('allowFallbacks', e.target.checked)} />
          Allow fallback providers
        </label>
        <label className="check">
          <input type="checkbox" checked={settings.denyDataCollection} onChange={(e) => set('denyDataCollection', e.target.checked)} />
          Only providers that don’t train on or keep prompts
        </label>
        <label className="check">
          <input type="checkbox" checked={settings.zdr} onChange={(e) => set('zdr', e.target.checked)} />
          Zero data retention only
        </label>
        <div className="row">
          <label>
            Max prompt $/M
            <input inputMode="decimal" value={settings.maxPromptPerMillion} onChange={(e) => set('maxPromptPerMillion', e.target.value)} placeholder="any" />
          </label>
          <label>
            Max completion $/M
            <input inputMode="decimal" value={settings.maxCompletionPerMillion} onChange={(e) => set('maxCompletionPerMillion', e.target.value)} placeholder="any" />
          </label>
        </div>
      </details>
      <details>
        <summary>Parameters and system prompt</summary>
        <div className="row">
          <label>
            Max tokens
            <input name="maxTokens" inputMode="numeric" value={settings.maxTokens} onChange={(e) => set('maxTokens', e.target.value)} />
          </label>
          <label>
            Temperature
            <input name="temperature" inputMode="decimal" value={settings.temperature} onChange={(e) => set('temperature', e.target.value)} placeholder="default" />
          </label>
        </div>
        <label>
          System prompt
          <textarea rows={2} value={settings.system} onChange={(e) => set('system', e.target.value)} />
        </label>
      </details>
    </fieldset>
  );
}
