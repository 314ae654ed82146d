import { ConfigError, loadConfig } from './config.js';
import { buildApp } from './app.js';
import { CatalogFileError } from './gateway/catalog/catalog-file.js';

let config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const startedAt = performance.now();
const app = buildApp(config);
try {
  const url = await app.start();
  app.logger.info(
    { url, graphiql: `${url}/graphql`, database: config.database.kind, startupMs: Math.round(performance.now() - startedAt) },
    `Switchyard listening on ${url} (GraphiQL at ${url}/graphql)`,
  );
  printBootstrap(url);
} catch (err) {
  // A bad catalog file is the operator's to fix: say where, plainly, like a bad variable.
  if (err instanceof CatalogFileError) console.error(err.message);
  else app.logger.fatal({ err }, 'start-up failed');
  await app.stop().catch(() => {});
  process.exit(1);
}

// `kill -HUP <pid>` re-applies CATALOG_FILE (it is also watched for changes).
process.on('SIGHUP', () => void app.reloadCatalogFile());

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    app.logger.info({ signal }, 'shutting down');
    app.stop().then(
      () => process.exit(0),
      (err) => {
        app.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}

/** The one place a key is shown in plaintext: on the operator's terminal, at its creation — and only a key we generated. */
function printBootstrap(url: string): void {
  const b = app.bootstrap;
  if (b?.kind === 'created') {
    const { inference, management } = b.generated;
    const lines = ['', '  Development account created with $10 of credits.'];
    if (inference || management) lines.push('  Generated keys (shown only now — copy them):');
    if (inference) lines.push(`    inference key:  ${inference}`);
    if (management) lines.push(`    management key: ${management}`);
    if (!inference || !management) lines.push('  The keys given in BOOTSTRAP_API_KEY / BOOTSTRAP_MANAGEMENT_KEY are not repeated here.');
    lines.push(`  Try: curl -s ${url}/api/v1/key -H "Authorization: Bearer ${inference ?? '$BOOTSTRAP_API_KEY'}"`, '');
    process.stdout.write(lines.join('\n') + '\n');
  } else if (b?.kind === 'existing') {
    app.logger.info(
      { addedKeys: b.addedKeys },
      'Development account exists; its keys were printed on first start (mint another with `npm run key:create`)',
    );
  }
}
