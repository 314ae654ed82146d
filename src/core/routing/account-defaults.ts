import type { ProviderPreferences } from './types.js';

/**
 * Provider preferences an account applies to every request it makes (OpenRouter's account-level
 * settings): providers it never wants, refusing providers that may train on its data, ZDR only.
 */
export interface AccountRoutingDefaults {
  ignoredProviders: readonly string[];
  dataCollection: 'allow' | 'deny';
  zdrOnly: boolean;
}

export const NO_ACCOUNT_DEFAULTS: AccountRoutingDefaults = { ignoredProviders: [], dataCollection: 'allow', zdrOnly: false };

/**
 * The preferences a request is routed with: the account's defaults can only narrow what the request
 * asked for, never widen it — ignored providers are added to the request's `ignore`, `deny` wins over
 * `allow`, and ZDR is required if either side requires it.
 */
export function withAccountDefaults(request: ProviderPreferences, defaults: AccountRoutingDefaults): ProviderPreferences {
  const ignore = [...new Set([...(request.ignore ?? []), ...defaults.ignoredProviders])];
  const merged: ProviderPreferences = { ...request };
  if (ignore.length) merged.ignore = ignore;
  if (defaults.dataCollection === 'deny') merged.dataCollection = 'deny';
  if (defaults.zdrOnly) merged.zdr = true;
  return merged;
}
