import type { BreakerPhase } from './breaker.js';
import type { WindowCounts } from './count-ring.js';
import type { Percentiles } from './log-sketch.js';
import type { EndpointStatus } from './status.js';
import type { PerformanceWindow, UptimeWindow } from './windows.js';

export interface WindowHealth extends WindowCounts {
  /** successes / (successes + failures); undefined with no samples. */
  uptime: number | undefined;
  /** 429s / everything counted; undefined with nothing counted. */
  rateLimitedRate: number | undefined;
}

export interface PerformanceHealth {
  /** Successful requests measured in the window. */
  samples: number;
  /** Time to first token, in seconds (the unit of `preferred_max_latency`). */
  latencySeconds: Percentiles | undefined;
  /** Output tokens per second. */
  throughput: Percentiles | undefined;
}

/** Everything routing and the health feeds need to know about one endpoint at one moment. */
export interface EndpointHealthSnapshot {
  endpointId: string;
  /** Uptime band over the status window (30 min by default). */
  status: EndpointStatus;
  /** `open`: don't send. `half-open`: one probe may go (acquire it with `HealthStore.admit`). */
  breaker: BreakerPhase;
  /** When an open breaker admits its next probe; undefined unless `breaker` is `open`. */
  breakerRetryAt: number | undefined;
  /** Default load balancing skips the endpoint (see isSignificantOutage). */
  significantOutage: boolean;
  windows: Record<UptimeWindow, WindowHealth>;
  /** Percentiles over the last 5 minutes, the window `sort` and `preferred_*` use; undefined when unmeasured. */
  latencySeconds: Percentiles | undefined;
  throughput: Percentiles | undefined;
  performance: Record<PerformanceWindow, PerformanceHealth>;
  /** Share of 429s over the last 5 minutes. */
  rateLimitedRate: number | undefined;
}
