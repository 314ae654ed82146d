// Applies pending migrations to DATABASE_URL (or the embedded database when unset).
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/persistence/database.js';

const db = await openDatabase(loadConfig().database);
try {
  const applied = await db.migrate();
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
} finally {
  await db.close();
}
