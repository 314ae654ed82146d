import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Account } from '../persistence/entities/index.js';
import type { Authenticator } from '../gateway/auth/authenticator.js';
import { accountStatusOf, routingDefaultsOf, type AccountManagement } from '../gateway/accounts/manage-accounts.js';
import { isUserError } from '../gateway/user-errors.js';
import { requireKey, type AuthEnv } from './auth.js';
import { errorResponse } from './errors.js';

/** An account in the REST vocabulary (snake_case, provider defaults as OpenRouter's `provider` fields). */
const accountJson = (a: Account) => {
  const defaults = routingDefaultsOf(a);
  return {
    id: a.id,
    name: a.name,
    status: accountStatusOf(a),
    suspended_at: a.suspendedAt?.toISOString() ?? null,
    provider_defaults: { ignore: defaults.ignoredProviders, data_collection: defaults.dataCollection, zdr: defaults.zdrOnly },
    created_at: a.createdAt.toISOString(),
  };
};

const providerDefaults = z.object({ ignore: z.array(z.string()).optional(), data_collection: z.enum(['allow', 'deny']).optional(), zdr: z.boolean().optional() }).strict();
const createBody = z.object({ name: z.string(), key_name: z.string().optional(), provider_defaults: providerDefaults.optional() }).strict();
const updateBody = z.object({ name: z.string().optional(), suspended: z.boolean().optional(), provider_defaults: providerDefaults.optional() }).strict();

const toDefaults = (p: z.infer<typeof providerDefaults>) => ({
  ...(p.ignore ? { ignoredProviders: p.ignore } : {}),
  ...(p.data_collection ? { dataCollection: p.data_collection } : {}),
  ...(p.zdr !== undefined ? { zdrOnly: p.zdr } : {}),
});

async function jsonBody<T>(c: Context, schema: z.ZodType<T>): Promise<T | Response> {
  const parsed = schema.safeParse(await c.req.json().catch(() => undefined));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return errorResponse(c, 400, `${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * `/api/v1/accounts`: tenants, under the operator key (creating one returns its first management key,
 * once); `PATCH` renames, suspends (`"suspended": true`) or resumes, and sets provider defaults — the
 * last also with a management key of the account itself.
 */
export function tenantRoutes(accounts: AccountManagement, auth: Authenticator): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const managed = requireKey(auth, 'management');
  app.onError((err, c) => {
    if (isUserError(err)) return errorResponse(c, err.status, err.message);
    throw err;
  });

  app.post('/accounts', managed, async (c) => {
    const body = await jsonBody(c, createBody);
    if (body instanceof Response) return body;
    const { account, managementKey } = await accounts.create(c.get('principal'), {
      name: body.name,
      ...(body.key_name ? { keyName: body.key_name } : {}),
      ...(body.provider_defaults ? { routingDefaults: toDefaults(body.provider_defaults) } : {}),
    });
    return c.json({ data: accountJson(account), key: managementKey }, 201);
  });

  app.get('/accounts/:id', managed, async (c) => c.json({ data: accountJson(await accounts.get(c.get('principal'), c.req.param('id'))) }));

  app.patch('/accounts/:id', managed, async (c) => {
    const body = await jsonBody(c, updateBody);
    if (body instanceof Response) return body;
    const principal = c.get('principal');
    const id = c.req.param('id');
    let account: Account | undefined;
    if (body.name !== undefined) account = await accounts.rename(principal, id, body.name);
    if (body.suspended !== undefined) account = await (body.suspended ? accounts.suspend(principal, id) : accounts.resume(principal, id));
    if (body.provider_defaults) account = await accounts.setRoutingDefaults(principal, id, toDefaults(body.provider_defaults));
    return c.json({ data: accountJson(account ?? (await accounts.get(principal, id))) });
  });
  return app;
}
