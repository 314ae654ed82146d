import type { Money } from '../../core/billing/money.js';
import type { LimitReset } from '../../core/billing/limit-period.js';
import type { AccountRoutingDefaults } from '../../core/routing/index.js';

/** Who is calling: resolved from an API key, cached, and handed to every use case. */
export interface Principal {
  accountId: string;
  accountName: string;
  isOperator: boolean;
  /** Provider preferences the account applies to every request it makes. */
  accountDefaults: AccountRoutingDefaults;
  key: {
    id: string;
    name: string;
    kind: 'inference' | 'management';
    limit: Money | null;
    limitReset: LimitReset;
    includeByokInLimit: boolean;
    expiresAt: Date | null;
  };
}

export type AuthResult =
  | { kind: 'anonymous' }
  | { kind: 'authenticated'; principal: Principal }
  /** `suspended`: the key is valid but its account may not use it (403, where the others are 401). */
  | { kind: 'rejected'; reason: 'invalid' | 'expired' | 'disabled' | 'suspended'; message: string };
