import type { EntityManager } from '@mikro-orm/postgresql';
import { CatalogRepository } from '../persistence/queries/catalog-queries.js';
import type { Principal } from '../gateway/auth/principal.js';
import type { Authenticator } from '../gateway/auth/authenticator.js';
import type { PaymentProvider } from '../gateway/billing/payment-provider.js';
import type { PurchaseTerms } from '../gateway/billing/purchase-credits.js';
import type { CatalogSnapshot } from '../gateway/routing/catalog-snapshot.js';
import type { HealthStore } from '../core/health/index.js';
import type { WatchOptions } from '../gateway/health/watch-provider-health.js';
import type { UpstreamDirectory } from '../gateway/upstreams.js';
import type { Keyring } from '../gateway/secrets/keyring.js';
import type { ByokCredentials } from '../gateway/byok/byok-credentials.js';
import type { GenerationRunner } from '../gateway/generation/generation-runner.js';
import type { AppPubSub } from '../realtime/pubsub.js';
import type { Reservations } from '../gateway/billing/reservations.js';
import type { CatalogAdmin } from '../gateway/catalog/catalog-admin.js';
import type { AccountManagement } from '../gateway/accounts/manage-accounts.js';
import type { GenerationReader } from '../persistence/queries/generation-reader.js';
import { createLoaders, type Loaders } from './loaders.js';

/** Long-lived collaborators the resolvers call into (built once by the app). */
export interface GraphQLServices {
  auth: Authenticator;
  /** Tenant administration (operator) and account settings. */
  accounts: AccountManagement;
  payments: PaymentProvider;
  purchaseTerms: PurchaseTerms;
  catalogSnapshot: CatalogSnapshot;
  health: HealthStore;
  healthFeed: WatchOptions;
  upstreams: UpstreamDirectory;
  /** Seals BYOK keys; undefined when the server has no SECRET_KEY (BYOK unavailable). */
  keyring: Keyring | undefined;
  byok: ByokCredentials;
  /** Starts, follows and cancels generations (GraphQL inference). */
  generations: GenerationRunner;
  /** Cluster-wide events (in-memory, or Redis when instances share them). */
  pubsub: AppPubSub;
  /** Told when credits change outside a settlement. */
  reservations: Reservations;
  /** The operator's catalog changes (audited, invalidated on every instance). */
  catalogAdmin: CatalogAdmin;
  /** Settled generations, read-side. */
  generationReader: GenerationReader;
}

/** Per-operation state: a forked EntityManager (own identity map), fresh DataLoaders, the caller. */
export interface GraphQLContext extends GraphQLServices {
  em: EntityManager;
  catalog: CatalogRepository;
  loaders: Loaders;
  /** null for anonymous callers (the catalog is public; everything else needs a key). */
  principal: Principal | null;
}

export function createContext(em: EntityManager, services: GraphQLServices, principal: Principal | null): GraphQLContext {
  const forked = em.fork();
  const catalog = new CatalogRepository(forked);
  return { ...services, em: forked, catalog, loaders: createLoaders(catalog), principal };
}
