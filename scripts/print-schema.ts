// Writes the code-first schema to schema/schema.graphql (committed; a test fails when it drifts).
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { printSchemaSDL } from '../src/graphql/print-schema.js';

const target = resolve(import.meta.dirname, '../schema/schema.graphql');
await writeFile(target, printSchemaSDL());
console.log(`Wrote ${target}`);
