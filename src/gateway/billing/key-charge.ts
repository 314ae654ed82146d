import { add, min, type Money } from '../../core/billing/money.js';
import type { GenerationRecord } from '../../core/generation/record.js';

/** What the key's limit is charged: the cost, plus BYOK usage when the key counts it — never above the hold. */
export const keyChargeOf = (record: GenerationRecord): Money => (record.byok?.countedInKeyLimit ? min(add(record.cost, record.byok.usage), record.held) : record.cost);
