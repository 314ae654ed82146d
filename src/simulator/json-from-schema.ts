import type { Prng } from './prng.js';
import { pickWord } from './text-generator.js';

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

// Gemini's OpenAPI schemas spell types in upper case ('STRING'); JSON Schema allows a list of types.
function schemaType(schema: Schema): string | undefined {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (typeof type === 'string') return type.toLowerCase();
  if (isSchema(schema.properties)) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

/** `#/$defs/X`, `#/definitions/X` (what zod, Pydantic and the SDK helpers emit). */
function resolveRef(ref: string, root: Schema): Schema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const key of ref.slice(1).split('/').filter(Boolean)) node = isSchema(node) ? node[decodeURIComponent(key.replaceAll('~1', '/').replaceAll('~0', '~'))] : undefined;
  return isSchema(node) ? node : undefined;
}

function numberIn(schema: Schema, prng: Prng, integer: boolean): number {
  const exclusiveMin = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
  const exclusiveMax = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : undefined;
  let min = typeof schema.minimum === 'number' ? schema.minimum : exclusiveMin !== undefined ? exclusiveMin + (integer ? 1 : 0.01) : 1;
  let max = typeof schema.maximum === 'number' ? schema.maximum : exclusiveMax !== undefined ? exclusiveMax - (integer ? 1 : 0.01) : min + 99;
  if (integer) {
    min = Math.ceil(min);
    max = Math.floor(max);
  }
  if (max < min) max = min;
  const value = integer ? min + prng.int(max - min + 1) : Math.round((min + prng.next() * (max - min)) * 100) / 100;
  const step = typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : undefined;
  return step === undefined ? value : Math.min(max, Math.max(Math.ceil(min / step) * step, Math.round(value / step) * step));
}

function stringFor(schema: Schema, prng: Prng): string {
  const formatted = ((): string | undefined => {
    switch (schema.format) {
      case 'date':
        return '2025-01-15';
      case 'date-time':
        return '2025-01-15T12:00:00Z';
      case 'time':
        return '12:00:00';
      case 'email':
        return 'user@example.com';
      case 'uri':
      case 'url':
        return 'https://example.com';
      case 'uuid':
        return '123e4567-e89b-42d3-a456-426614174000';
      case 'ipv4':
        return '192.0.2.1';
      default:
        return undefined;
    }
  })();
  let text = formatted ?? pickWord(prng);
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  while (text.length < minLength) text += ` ${pickWord(prng)}`;
  if (typeof schema.maxLength === 'number' && text.length > schema.maxLength) text = text.slice(0, schema.maxLength);
  return text;
}

/** Which properties an object gets: every declared one (schema-valid for strict and non-strict alike), or only the required ones. */
export type PropertyChoice = 'all' | 'required';

function objectFor(schema: Schema, prng: Prng, root: Schema, choice: PropertyChoice, depth: number): Record<string, unknown> {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);
  const result: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    // Deep optional branches stop early, so recursive schemas (trees) end.
    if (required.has(name) || (choice === 'all' && depth < 4)) result[name] = generate(property, prng, root, choice, depth + 1);
  }
  for (const name of required) if (!(name in result)) result[name] = pickWord(prng);
  return result;
}

function generate(schema: unknown, prng: Prng, root: Schema, choice: PropertyChoice, depth: number): unknown {
  if (!isSchema(schema)) return pickWord(prng);
  if (typeof schema.$ref === 'string') return generate(resolveRef(schema.$ref, root), prng, root, choice, depth);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      const concrete = options.filter((o) => !(isSchema(o) && o.type === 'null'));
      return generate(concrete[0] ?? options[0], prng, root, choice, depth);
    }
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    const merged = Object.assign({}, ...schema.allOf.filter(isSchema), { ...schema, allOf: undefined });
    return generate(merged, prng, root, choice, depth);
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
      const min = typeof schema.minItems === 'number' ? schema.minItems : 1;
      const max = typeof schema.maxItems === 'number' ? schema.maxItems : Math.max(min, 2);
      const count = Math.min(max, Math.max(min, 1 + prng.int(2)));
      const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
      return Array.from({ length: Math.max(count, prefix.length) }, (_, i) => generate(prefix[i] ?? schema.items, prng, root, choice, depth + 1));
    }
    default:
      return objectFor(schema, prng, root, choice, depth);
  }
}

/**
 * A value that validates against `schema`: every constraint a structured-output API enforces (types,
 * required, enum/const, $ref/$defs, anyOf, min/max, lengths, item counts, formats; `pattern` is not
 * generated from). Deterministic for a given PRNG state.
 */
export function valueForSchema(schema: unknown, prng: Prng, choice: PropertyChoice = 'all'): unknown {
  return generate(schema, prng, isSchema(schema) ? schema : {}, choice, 0);
}
