import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Hono } from 'hono';
import { GraphQLError } from 'graphql';
import type { Yoga } from '../graphql/yoga.js';
import type { Authenticator } from '../gateway/auth/authenticator.js';
import { bearerToken } from '../gateway/auth/api-key-secret.js';
import { isApiPath } from './console-site.js';

export interface WebSocketLimits {
  /** Operations one connection may run at once (each subscription holds server resources). */
  maxOperationsPerConnection: number;
  /** A socket that doesn't send connection_init in time is closed (4408). */
  connectionInitTimeoutMs: number;
  /** Open connections one API key may hold; more are closed with 1008. */
  maxConnectionsPerKey: number;
  /** Bytes queued for a client that does not read before its socket is closed (1008): a slow consumer never grows memory without bound. */
  maxBufferedBytes: number;
}

export const DEFAULT_WS_LIMITS: WebSocketLimits = { maxOperationsPerConnection: 100, connectionInitTimeoutMs: 5_000, maxConnectionsPerKey: 50, maxBufferedBytes: 4 * 1024 * 1024 };

/** Policy violation: the standard close code for a client breaking the server's limits. */
const POLICY_VIOLATION = 1008;

export interface HttpServer {
  listen(port: number, host: string): Promise<{ port: number; host: string }>;
  close(): Promise<void>;
}

/**
 * One node:http server: GraphQL over HTTP and graphql-ws on /graphql, REST and probes under their
 * paths, and the console (a single-page app) for any other GET.
 * WebSocket operations go through Yoga's envelop, so plugins, limits and context match HTTP exactly.
 */
export function createHttpServer(yoga: Yoga, rest: Hono, site: Hono, auth: Authenticator, limits: WebSocketLimits = DEFAULT_WS_LIMITS): HttpServer {
  const restListener = getRequestListener(rest.fetch);
  const siteListener = getRequestListener(site.fetch);
  const server: Server = createServer((req, res) => {
    if (req.url === '/graphql' || req.url?.startsWith('/graphql?')) return void yoga(req, res);
    const pathname = (req.url ?? '/').split('?')[0]!;
    if ((req.method === 'GET' || req.method === 'HEAD') && !isApiPath(pathname)) return void siteListener(req, res);
    return void restListener(req, res);
  });

  const wss = new WebSocketServer({ server, path: yoga.graphqlEndpoint });
  const connectionsPerKey = new Map<string, number>();
  const keyOfSocket = new WeakMap<object, string>();
  const wsServer = useServer(
    {
      connectionInitWaitTimeout: limits.connectionInitTimeoutMs,
      // A key in connection_init is checked up front (a bad one closes the socket with 4403), and again
      // by every operation's context, so a key disabled later gets no new subscriptions.
      onConnect: async (ctx) => {
        const raw = ctx.connectionParams?.authorization;
        if (typeof raw !== 'string') return true;
        const result = await auth.authenticate(bearerToken(raw) ?? (raw.trim() || null));
        if (result.kind === 'rejected') return false;
        if (result.kind !== 'authenticated') return true;
        // Closed while we authenticated: onClose has run already, so counting it now would never be undone.
        if (ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) return false;
        const keyId = result.principal.key.id;
        const open = connectionsPerKey.get(keyId) ?? 0;
        if (open >= limits.maxConnectionsPerKey) {
          ctx.extra.socket.close(POLICY_VIOLATION, `Too many connections for this API key (at most ${limits.maxConnectionsPerKey})`);
          return false;
        }
        connectionsPerKey.set(keyId, open + 1);
        keyOfSocket.set(ctx.extra.socket, keyId);
        return true;
      },
      onClose: (ctx) => {
        const keyId = keyOfSocket.get(ctx.extra.socket);
        if (keyId === undefined) return;
        keyOfSocket.delete(ctx.extra.socket);
        const left = (connectionsPerKey.get(keyId) ?? 1) - 1;
        if (left > 0) connectionsPerKey.set(keyId, left);
        else connectionsPerKey.delete(keyId);
      },
      onNext: (ctx) => {
        const socket = ctx.extra.socket;
        if (socket.bufferedAmount > limits.maxBufferedBytes) socket.close(POLICY_VIOLATION, 'Client too slow: too much unread data queued');
      },
      execute: (args: any) => args.rootValue.execute(args),
      subscribe: (args: any) => args.rootValue.subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        if (Object.keys(ctx.subscriptions).length >= limits.maxOperationsPerConnection) {
          return [new GraphQLError(`At most ${limits.maxOperationsPerConnection} operations per connection`, { extensions: { code: 'TOO_MANY_OPERATIONS' } })];
        }
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
        });
        const args = {
          schema,
          operationName: params.operationName,
          document: parse(params.query),
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        if (errors.length) return errors;
        return args;
      },
    },
    wss,
  );

  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  return {
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          if (address === null || typeof address === 'string') return reject(new Error('server has no TCP address'));
          resolve({ port: address.port, host: address.address });
        });
      }),
    async close() {
      await wsServer.dispose();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive sockets would hold close() open; in-flight requests finish first.
        server.closeIdleConnections();
        setTimeout(() => sockets.forEach((s) => s.destroy()), 5_000).unref();
      });
    },
  };
}
