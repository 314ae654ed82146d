// Builds the console bundle into console/dist when it is missing or older than its sources
// (`npm start` runs this first; `npm run build:console` forces a build).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import lockfile from 'proper-lockfile';
import { CONSOLE_DIST_DIR } from '../src/transport/console-site.js';

const ROOT = resolve(import.meta.dirname, '..');
const CONSOLE_DIR = join(ROOT, 'console');
/** Written into the bundle: the digest of the inputs it was built from. */
const STAMP = '.inputs-sha256';
const SKIP = new Set(['dist', 'node_modules']);

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Everything the bundle is made from: the console's sources and the locked dependency versions. */
async function inputsDigest(): Promise<string> {
  const hash = createHash('sha256');
  const paths = [join(ROOT, 'package-lock.json')];
  for await (const path of files(CONSOLE_DIR)) paths.push(path);
  for (const path of paths.sort()) hash.update(relative(ROOT, path)).update('\0').update(await readFile(path)).update('\0');
  return hash.digest('hex');
}

const builtDigest = () => readFile(join(CONSOLE_DIST_DIR, STAMP), 'utf8').catch(() => null);

export type ConsoleBuild = 'fresh' | 'built';

/** Builds unless the bundle matches its sources. Concurrent callers (tests, two starts) build once. */
export async function ensureConsoleBuilt({ force = false, log = (m: string) => console.log(m) } = {}): Promise<ConsoleBuild> {
  const digest = await inputsDigest();
  if (!force && (await builtDigest()) === digest) return 'fresh';
  const release = await lockfile.lock(CONSOLE_DIR, {
    lockfilePath: join(CONSOLE_DIR, '.build.lock'),
    retries: { retries: 240, minTimeout: 250, maxTimeout: 500 },
  });
  try {
    if (!force && (await builtDigest()) === digest) return 'fresh';
    log('Building the console (console/dist)…');
    const startedAt = performance.now();
    const { build } = await import('vite');
    // Built beside and swapped in, so a running server never serves half a bundle for long.
    const staging = join(CONSOLE_DIR, `.dist-${process.pid}`);
    await build({ configFile: join(CONSOLE_DIR, 'vite.config.ts'), logLevel: 'warn', build: { outDir: staging, emptyOutDir: true } });
    await writeFile(join(staging, STAMP), digest);
    if (existsSync(CONSOLE_DIST_DIR)) await rm(CONSOLE_DIST_DIR, { recursive: true, force: true });
    await rename(staging, CONSOLE_DIST_DIR);
    log(`Built the console in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
    return 'built';
  } finally {
    await release();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await ensureConsoleBuilt({ force: process.argv.includes('--force') });
}
