// Upserts the built-in catalog (idempotent) into DATABASE_URL or the embedded database.
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/persistence/database.js';
import { seedCatalog } from '../src/persistence/seed/seed-catalog.js';

const db = await openDatabase(loadConfig().database);
try {
  await db.migrate();
  const seeded = await seedCatalog(db.orm.em.fork());
  console.log(`Seeded ${seeded.providers} providers, ${seeded.models} models, ${seeded.endpoints} endpoints.`);
} finally {
  await db.close();
}
