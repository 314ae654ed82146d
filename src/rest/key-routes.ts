import { Hono, type Context } from 'hono';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { parseUsd, MoneyParseError } from '../core/billing/money.js';
import type { ApiKey } from '../persistence/entities/index.js';
import type { Authenticator } from '../gateway/auth/authenticator.js';
import { KeyManagement } from '../gateway/accounts/manage-keys.js';
import { isUserError } from '../gateway/user-errors.js';
import { requireKey, type AuthEnv } from './auth.js';
import { errorResponse } from './errors.js';
import { displayUsd } from './display-usd.js';


/** OpenRouter's key object; `hash` is the key's id (never the hash of its secret). */
const keyJson = (k: ApiKey) => ({
  hash: k.id,
  name: k.name,
  label: k.prefix,
  disabled: k.disabled,
  limit: displayUsd(k.limit),
  limit_reset: k.limitReset === 'none' ? null : k.limitReset,
  include_byok_in_limit: k.includeByokInLimit,
  usage: displayUsd(k.usage),
  created_at: k.createdAt.toISOString(),
  expires_at: k.expiresAt?.toISOString() ?? null,
});

// Limits arrive as JSON numbers (OpenRouter's shape) or strings; both become exact Money via their decimal text.
const limitSchema = z
  .union([z.number(), z.string()])
  .nullable()
  .transform((v, ctx) => {
    if (v === null) return null;
    try {
      return parseUsd(typeof v === 'number' ? String(v) : v);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: err instanceof MoneyParseError ? `limit: ${err.message}` : 'limit must be a USD amount' });
      return z.NEVER;
    }
  });

const createBody = z.object({
  name: z.string(),
  limit: limitSchema.optional(),
  limit_reset: z.enum(['daily', 'weekly', 'monthly']).nullable().optional(),
  include_byok_in_limit: z.boolean().optional(),
  expires_at: z.iso.datetime({ offset: true }).nullable().optional(),
});
const updateBody = createBody.partial().extend({ disabled: z.boolean().optional() });

async function jsonBody<T>(c: Context, schema: z.ZodType<T>): Promise<T | Response> {
  const raw = await c.req.json().catch(() => undefined);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return errorResponse(c, 400, `${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  return parsed.data;
}

/** `/api/v1/keys` CRUD, management keys only, scoped to the caller's account. */
export function keyRoutes(em: EntityManager, auth: Authenticator): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const managed = requireKey(auth, 'management');
  const keys = () => new KeyManagement(em.fork(), auth);

  app.onError((err, c) => {
    if (isUserError(err)) return errorResponse(c, err.status, err.message);
    throw err;
  });

  app.get('/keys', managed, async (c) => c.json({ data: (await keys().list(c.get('principal'))).map(keyJson) }));
  app.get('/keys/:id', managed, async (c) => c.json({ data: keyJson(await keys().get(c.get('principal'), c.req.param('id'))) }));

  app.post('/keys', managed, async (c) => {
    const body = await jsonBody(c, createBody);
    if (body instanceof Response) return body;
    const { key, secret } = await keys().create(c.get('principal'), {
      name: body.name,
      limit: body.limit ?? null,
      limitReset: body.limit_reset ?? 'none',
      includeByokInLimit: body.include_byok_in_limit ?? false,
      expiresAt: body.expires_at ? new Date(body.expires_at) : null,
    });
    return c.json({ data: keyJson(key), key: secret }, 201);
  });

  app.patch('/keys/:id', managed, async (c) => {
    const body = await jsonBody(c, updateBody);
    if (body instanceof Response) return body;
    const changes = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
      ...(body.limit !== undefined ? { limit: body.limit } : {}),
      ...(body.limit_reset !== undefined ? { limitReset: body.limit_reset ?? ('none' as const) } : {}),
      ...(body.include_byok_in_limit !== undefined ? { includeByokInLimit: body.include_byok_in_limit } : {}),
    };
    return c.json({ data: keyJson(await keys().update(c.get('principal'), c.req.param('id'), changes)) });
  });

  app.delete('/keys/:id', managed, async (c) => {
    await keys().delete(c.get('principal'), c.req.param('id'));
    return c.json({ data: { success: true } });
  });
  return app;
}
