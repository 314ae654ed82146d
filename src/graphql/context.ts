import type { EntityManager } from '@mikro-orm/postgresql';
import { CatalogRepository } from '../persistence/repositories/catalog-repository.js';
import { createLoaders, type Loaders } from './loaders.js';

/** Per-operation state: a forked EntityManager (own identity map) and fresh DataLoaders. */
export interface GraphQLContext {
  catalog: CatalogRepository;
  loaders: Loaders;
}

export function createContext(em: EntityManager): GraphQLContext {
  const forked = em.fork();
  const catalog = new CatalogRepository(forked);
  return { catalog, loaders: createLoaders(catalog) };
}
