import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Hono } from 'hono';
import type { Yoga } from '../graphql/yoga.js';

export interface HttpServer {
  listen(port: number, host: string): Promise<{ port: number; host: string }>;
  close(): Promise<void>;
}

/**
 * One node:http server: GraphQL over HTTP and graphql-ws on /graphql, REST and probes elsewhere.
 * WebSocket operations go through Yoga's envelop, so plugins, limits and context match HTTP exactly.
 */
export function createHttpServer(yoga: Yoga, rest: Hono): HttpServer {
  const restListener = getRequestListener(rest.fetch);
  const server: Server = createServer((req, res) => {
    if (req.url === '/graphql' || req.url?.startsWith('/graphql?')) return void yoga(req, res);
    return void restListener(req, res);
  });

  const wss = new WebSocketServer({ server, path: yoga.graphqlEndpoint });
  const wsServer = useServer(
    {
      execute: (args: any) => args.rootValue.execute(args),
      subscribe: (args: any) => args.rootValue.subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
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
