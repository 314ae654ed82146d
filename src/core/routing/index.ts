export * from './types.js';
export { buildRoutingCatalog, type EndpointRecord } from './catalog.js';
export { planAttempts, type PlanInputs } from './plan.js';
export { describeExclusion, explainNoRoute, type NoRouteExplanation } from './explain.js';
export { stickyKeyFor, createStickyMemory, type StickyMemory } from './sticky.js';
export { pickProbabilities } from './weighted-pick.js';
export { providerNames, resolveProviderReferences, unknownProvidersMessage, type ProviderNames, type ResolvedPreferences, type UnknownProvider } from './provider-names.js';
export { withAccountDefaults, NO_ACCOUNT_DEFAULTS, type AccountRoutingDefaults } from './account-defaults.js';
