// The upstream simulator's public API (see README.md).
export { startSimulator, type SimulatorOptions, type RunningSimulator } from './server.js';
export { defaultProfiles, fastProfile, NO_FAULTS, mixedFaults, parseFaultRates, type SimProfile, type FaultRates } from './profiles.js';
export { simulatedBaseUrl, type WireFamily } from './router.js';
export { realClock, type SimClock } from './clock.js';
export type { SimFault } from './faults.js';
export {
  countTokens,
  countPromptTokens,
  countToolCallTokens,
  MESSAGE_OVERHEAD_TOKENS,
  TOOL_OVERHEAD_TOKENS,
  ATTACHMENT_TOKENS,
} from './tokens.js';
