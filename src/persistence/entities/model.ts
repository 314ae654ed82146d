import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, updatedAt } from './timestamps.js';
import { catalogOrigins } from './provider.js';

export const ModelSchema = defineEntity({
  name: 'Model',
  tableName: 'model',
  properties: {
    /** OpenRouter-style `author/slug`. */
    id: p.string().length(200).primary(),
    author: p.string().length(100).index(),
    canonicalSlug: p.string().length(200),
    name: p.string().length(200),
    description: p.text(),
    contextLength: p.integer(),
    inputModalities: p.array(),
    outputModalities: p.array(),
    tokenizer: p.string().length(64),
    instructType: p.string().length(64).nullable(),
    isModerated: p.boolean().default(false),
    /** When the model was released (OpenRouter's `created`). */
    releasedAt: p.datetime(),
    origin: p.enum([...catalogOrigins]).default('builtin'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});

export type Model = InferEntity<typeof ModelSchema>;
