import type { Prng } from './prng.js';
import { valueForSchema } from './json-from-schema.js';

/** JSON arguments text for a tool whose parameters are `schema` (an object schema): exactly its required properties. */
export function toolArgumentsFor(schema: unknown, prng: Prng): string {
  const value = typeof schema === 'object' && schema !== null && !Array.isArray(schema) ? valueForSchema({ type: 'object', ...schema }, prng, 'required') : {};
  return JSON.stringify(value);
}
