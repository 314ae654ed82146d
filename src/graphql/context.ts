import type { EntityManager } from '@mikro-orm/postgresql';
import { CatalogRepository } from '../persistence/repositories/catalog-repository.js';
import type { Principal } from '../gateway/auth/principal.js';
import type { Authenticator } from '../gateway/auth/authenticator.js';
import { createLoaders, type Loaders } from './loaders.js';

/** Per-operation state: a forked EntityManager (own identity map), fresh DataLoaders, the caller. */
export interface GraphQLContext {
  em: EntityManager;
  catalog: CatalogRepository;
  loaders: Loaders;
  /** null for anonymous callers (the catalog is public; everything else needs a key). */
  principal: Principal | null;
  auth: Authenticator;
}

export function createContext(em: EntityManager, auth: Authenticator, principal: Principal | null): GraphQLContext {
  const forked = em.fork();
  const catalog = new CatalogRepository(forked);
  return { em: forked, catalog, loaders: createLoaders(catalog), principal, auth };
}
