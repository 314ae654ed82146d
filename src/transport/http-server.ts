import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Hono } from 'hono';
import { GraphQLError } from 'graphql';
import type { Yoga } from '../graphql/yoga.js';
import type { Authenticator } from '../gateway/auth/authenticator.js';
import { bearerToken } from '../gateway/auth/api-key-secret.js';
import { isApiPath } from './console-site.js';
import type { StreamOwner, StreamSlots } from '../gateway/limits/stream-slots.js';
import { guardRequest, type RequestGuardOptions } from './request-guard.js';
import { clientAddress } from './client-address.js';

export interface WebSocketLimits {
  /** Operations one connection may run at once (each subscription holds server resources). */
  maxOperationsPerConnection: number;
  /** A socket that doesn't send connection_init in time is closed (4408). */
  connectionInitTimeoutMs: number;
  /** Bytes queued for a client that does not read before its socket is closed (1008): a slow consumer never grows memory without bound. */
  maxBufferedBytes: number;
  /** The largest frame a client may send (larger ones close the socket with 1009 before they are buffered). */
  maxPayloadBytes: number;
}

export const DEFAULT_WS_LIMITS: WebSocketLimits = { maxOperationsPerConnection: 100, connectionInitTimeoutMs: 5_000, maxBufferedBytes: 4 * 1024 * 1024, maxPayloadBytes: 8 * 1024 * 1024 };

/** A document that plainly is a subscription (leading comments allowed); anything else takes the full path. */
const SUBSCRIPTION_DOCUMENT = /^\s*(?:#[^\n]*\n\s*)*subscription\b/;

/** Policy violation: the standard close code for a client breaking the server's limits. */
const POLICY_VIOLATION = 1008;

export interface HttpServer {
  listen(port: number, host: string): Promise<{ port: number; host: string }>;
  close(): Promise<void>;
}

export interface HttpServerOptions {
  yoga: Yoga;
  rest: Hono;
  /** The console's static files (see console-site.ts). */
  site: Hono;
  auth: Authenticator;
  /** Connections and subscriptions per key / per anonymous address, shared with GraphQL over SSE. */
  streams: StreamSlots;
  websocket: WebSocketLimits;
  requests: Omit<RequestGuardOptions, 'auth'>;
}

/**
 * One node:http server: GraphQL over HTTP and graphql-ws on /graphql, REST and probes under their
 * paths, and the console (a single-page app) for any other GET.
 * Every HTTP request passes the request guard first (body limit, JSON depth, per-address limit).
 * WebSocket operations go through Yoga's envelop, so plugins, limits and context match HTTP exactly.
 */
export function createHttpServer({ yoga, rest, site, auth, streams, websocket: limits, requests }: HttpServerOptions): HttpServer {
  const restListener = getRequestListener(rest.fetch);
  const siteListener = getRequestListener(site.fetch);
  // Yoga through the same Request adapter as Hono: it takes the body the guard has read (`rawBody`),
  // and Yoga's server context keeps the node request (for the caller's address) as before.
  const graphqlListener = getRequestListener((request, env) => yoga.fetch(request, { req: env.incoming as IncomingMessage, res: env.outgoing }));
  const guard = { ...requests, auth };
  const server: Server = createServer((req, res) => {
    void guardRequest(req, res, guard).then(
      (admitted) => {
        if (!admitted) return;
        if (req.url === '/graphql' || req.url?.startsWith('/graphql?')) return void graphqlListener(req, res);
        const pathname = (req.url ?? '/').split('?')[0]!;
        if ((req.method === 'GET' || req.method === 'HEAD') && !isApiPath(pathname)) return void siteListener(req, res);
        return void restListener(req, res);
      },
      (error: unknown) => {
        res.destroy(error as Error);
      },
    );
  });

  const wss = new WebSocketServer({ server, path: yoga.graphqlEndpoint, maxPayload: limits.maxPayloadBytes });
  // Each acknowledged socket holds one connection slot (its key's, or — sent without a key — its address's) until it closes.
  const requestOfSocket = new WeakMap<WebSocket, IncomingMessage>();
  const ownerOfSocket = new WeakMap<WebSocket, StreamOwner>();
  wss.on('connection', (socket, request) => {
    requestOfSocket.set(socket, request);
    // A frame over maxPayload (or another protocol error): the close frame is on its way; stop reading
    // the rest of a giant frame shortly after, rather than draining it until the close handshake times out.
    socket.once('error', () => setTimeout(() => socket.terminate(), 100).unref());
  });
  const wsServer = useServer(
    {
      connectionInitWaitTimeout: limits.connectionInitTimeoutMs,
      // A key in connection_init is checked up front (a bad one closes the socket with 4403), and again
      // by every operation's context, so a key disabled later gets no new subscriptions.
      // (Before connection_init a socket holds nothing but a timer: it is closed after connectionInitTimeoutMs.)
      onConnect: async (ctx) => {
        const socket = ctx.extra.socket;
        const raw = ctx.connectionParams?.authorization;
        const result = typeof raw === 'string' ? await auth.authenticate(bearerToken(raw) ?? (raw.trim() || null)) : ({ kind: 'anonymous' } as const);
        if (result.kind === 'rejected') return false;
        // Closed while we authenticated: onClose has run already, so a slot taken now would never be released.
        if (socket.readyState !== socket.OPEN) return false;
        const owner: StreamOwner = result.kind === 'authenticated' ? { kind: 'key', keyId: result.principal.key.id } : { kind: 'address', address: clientAddress(ctx.extra.request, requests.trustProxy) };
        const slot = streams.acquire('connection', owner);
        if (!slot.granted) {
          socket.close(POLICY_VIOLATION, slot.message);
          return false;
        }
        socket.once('close', slot.release);
        ownerOfSocket.set(socket, owner);
        return true;
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
        // A flood of subscribes past the owner's limit is refused before any parsing (the plugin makes the binding check).
        const owner = ownerOfSocket.get(ctx.extra.socket);
        if (owner && SUBSCRIPTION_DOCUMENT.test(params.query) && !streams.available('subscription', owner)) {
          const refusal = streams.acquire('subscription', owner);
          if (!refusal.granted) return [new GraphQLError(refusal.message, { extensions: { code: refusal.code } })];
          refusal.release();
        }
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: requestOfSocket.get(ctx.extra.socket) ?? ctx.extra.request,
          socket: ctx.extra.socket,
          params,
        });
        let document;
        try {
          document = parse(params.query);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const args = {
          schema,
          operationName: params.operationName,
          document,
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
