import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/** Fields of a database error that identify the failure without repeating the statement or its values. */
const SAFE_DRIVER_FIELDS = ['code', 'sqlState', 'errno', 'table', 'constraint', 'column', 'routine', 'severity'] as const;

/**
 * An error as it may be logged. Database errors (MikroORM's DriverException, pg's DatabaseError) carry
 * the failed SQL and the user values bound to it in their message and `detail`/`where`: only their
 * type and SQLSTATE-like fields are kept. Other errors keep message and stack.
 */
export function safeError(error: unknown): Record<string, unknown> | undefined {
  if (error === undefined || error === null) return undefined;
  if (!(error instanceof Error)) return typeof error === 'object' ? (error as Record<string, unknown>) : { type: typeof error, message: '[non-error value]' };
  const database = databaseErrorIn(error);
  if (!database) return stdSerializers.err(error) as unknown as Record<string, unknown>;
  const source = database as unknown as Record<string, unknown>;
  const safe: Record<string, unknown> = { type: error.constructor.name, message: 'database error (statement and values not logged)' };
  for (const field of SAFE_DRIVER_FIELDS) if (source[field] !== undefined) safe[field] = source[field];
  if (safe.sqlState === undefined && typeof source.code === 'string' && /^[0-9A-Z]{5}$/.test(source.code)) safe.sqlState = source.code;
  return safe;
}

/** The database error behind `error`: itself, or what it wraps (`cause`, GraphQL's `originalError`). */
function databaseErrorIn(error: Error): Error | undefined {
  for (let e: unknown = error, hops = 0; e instanceof Error && hops < 5; hops++) {
    if (isDatabaseError(e)) return e;
    e = (e as Error & { originalError?: unknown }).originalError ?? e.cause;
  }
  return undefined;
}

function isDatabaseError(error: Error): boolean {
  const e = error as Error & { sqlState?: unknown; code?: unknown; routine?: unknown };
  // MikroORM wraps driver errors as DriverException subclasses with `sqlState`; pg's own errors have a `routine`.
  return e.sqlState !== undefined || e.routine !== undefined || (error.constructor.name.endsWith('Exception') && 'query' in e);
}

/** JSON logs to stdout (or `destination`). Keys and authorization headers are redacted wherever they appear. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      serializers: { err: safeError },
      redact: {
        paths: ['authorization', '*.authorization', 'headers.authorization', 'apiKey', '*.apiKey', 'key', '*.key'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
