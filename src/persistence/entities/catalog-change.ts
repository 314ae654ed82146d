import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt } from './timestamps.js';

import { catalogActions, catalogActors, catalogSubjects } from '../../core/catalog/vocabulary.js';

export { catalogActions, catalogActors, catalogSubjects };

/**
 * Append-only audit of catalog changes, in the ledger's style: who (an operator's API key, or the
 * catalog file by path), when, what (the row as written; null for a removal). Never updated or deleted.
 */
export const CatalogChangeSchema = defineEntity({
  name: 'CatalogChange',
  tableName: 'catalog_change',
  indexes: [{ properties: ['subject', 'subjectKey'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    actorKind: p.enum([...catalogActors]),
    /** The operator's API key id, or the catalog file's path. Kept when the key is deleted. */
    actor: p.string().length(500),
    action: p.enum([...catalogActions]),
    subject: p.enum([...catalogSubjects]),
    /** Provider slug, model id, or `model|provider` for an endpoint. */
    subjectKey: p.string().length(300),
    details: p.json<Record<string, unknown>>().nullable(),
    createdAt: createdAt().index(),
  },
});

export type CatalogChange = InferEntity<typeof CatalogChangeSchema>;
