import type { Money } from '../../core/billing/money.js';
import type { LimitReset } from '../../core/billing/limit-period.js';

/** Who is calling: resolved from an API key, cached, and handed to every use case. */
export interface Principal {
  accountId: string;
  accountName: string;
  isOperator: boolean;
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
  | { kind: 'rejected'; reason: 'invalid' | 'expired' | 'disabled'; message: string };
