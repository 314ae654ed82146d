import { DEFAULT_BREAKER_CONFIG, type BreakerConfig } from './breaker.js';
import { DEFAULT_STATUS_CONFIG, type StatusConfig } from './status.js';

export interface HealthConfig {
  breaker: BreakerConfig;
  status: StatusConfig;
}

export const DEFAULT_HEALTH_CONFIG: Readonly<HealthConfig> = { breaker: DEFAULT_BREAKER_CONFIG, status: DEFAULT_STATUS_CONFIG };

/** The defaults with some values overridden (operator configuration, tests). */
export function healthConfig(overrides: { breaker?: Partial<BreakerConfig>; status?: Partial<StatusConfig> } = {}): HealthConfig {
  return { breaker: { ...DEFAULT_BREAKER_CONFIG, ...overrides.breaker }, status: { ...DEFAULT_STATUS_CONFIG, ...overrides.status } };
}
