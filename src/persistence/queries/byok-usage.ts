import type { EntityManager } from '@mikro-orm/postgresql';
import { GenerationSchema } from '../entities/index.js';

/** BYOK requests the account made since `since` (for the free monthly allowance of the BYOK fee). */
export async function countByokGenerationsSince(em: EntityManager, accountId: string, since: Date): Promise<number> {
  return em.count(GenerationSchema, { account: accountId, isByok: true, createdAt: { $gte: since } });
}
