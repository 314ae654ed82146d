import type { Prng } from './prng.js';
import { pickWord } from './text-generator.js';

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Gemini schemas spell types in upper case ('STRING'); JSON Schema allows a list of types.
function schemaType(schema: Schema): string | undefined {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  return typeof type === 'string' ? type.toLowerCase() : undefined;
}

function numberIn(schema: Schema, prng: Prng, integer: boolean): number {
  const min = typeof schema.minimum === 'number' ? schema.minimum : 1;
  const max = typeof schema.maximum === 'number' ? schema.maximum : min + 99;
  const value = min + prng.next() * (max - min);
  return integer ? Math.ceil(value) : Math.round(value * 100) / 100;
}

function stringFor(schema: Schema, prng: Prng): string {
  switch (schema.format) {
    case 'date':
      return '2025-01-15';
    case 'date-time':
      return '2025-01-15T12:00:00Z';
    case 'email':
      return 'user@example.com';
    case 'uri':
    case 'url':
      return 'https://example.com';
    default:
      return pickWord(prng);
  }
}

function objectFor(schema: Schema, prng: Prng): Record<string, unknown> {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.filter((r) => typeof r === 'string') : [];
  const result: Record<string, unknown> = {};
  for (const name of required) result[name] = valueFor(properties[name], prng);
  return result;
}

/** A simple value of the schema's type; objects get exactly their required properties. */
export function valueFor(schema: unknown, prng: Prng): unknown {
  if (!isSchema(schema)) return pickWord(prng);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) return valueFor(options[0], prng);
  }
  switch (schemaType(schema)) {
    case 'string':
      return stringFor(schema, prng);
    case 'integer':
      return numberIn(schema, prng, true);
    case 'number':
      return numberIn(schema, prng, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array': {
      const count = typeof schema.minItems === 'number' ? Math.max(1, schema.minItems) : 1;
      return Array.from({ length: count }, () => valueFor(schema.items, prng));
    }
    default:
      return objectFor(schema, prng);
  }
}

/** JSON arguments text for a tool whose parameters are `schema` (an object schema). */
export function toolArgumentsFor(schema: unknown, prng: Prng): string {
  const value = isSchema(schema) ? objectFor(schema, prng) : {};
  return JSON.stringify(value);
}
