import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';

/** `idle`: no subscription needs the socket (graphql-ws opens it lazily and closes it when unused). */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting';

export interface ConsoleConnection {
  client: Client;
  /** One WebSocket for every subscription of the session (graphql-ws protocol). */
  ws: WsClient;
  onStateChange(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}

const wsUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;

/** Waits 0.5, 1, 2 … 8 s (plus a little jitter) between reconnection attempts: forever, a console stays open. */
const retryWait = (retries: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(8000, 500 * 2 ** retries) + Math.random() * 250));

/** A GraphQL client for one API key: queries and mutations over HTTP, subscriptions over graphql-ws. */
export function connect(apiKey: string): ConsoleConnection {
  const authorization = `Bearer ${apiKey}`;
  const listeners = new Set<(state: ConnectionState) => void>();
  let dropped = false;
  const emit = (state: ConnectionState) => listeners.forEach((l) => l(state));

  const ws = createWsClient({
    url: wsUrl(),
    connectionParams: { authorization },
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    retryWait,
    shouldRetry: () => true,
    on: {
      connecting: () => emit(dropped ? 'reconnecting' : 'connecting'),
      connected: () => {
        dropped = false;
        emit('connected');
      },
      // A normal closure (1000) is graphql-ws closing an unused socket; anything else is a drop.
      closed: (event) => {
        dropped = (event as CloseEvent | undefined)?.code !== 1000;
        emit(dropped ? 'reconnecting' : 'idle');
      },
    },
  });

  const client = new Client({
    url: '/graphql',
    fetchOptions: () => ({ headers: { authorization } }),
    // Account data over POST only: a GET (urql's default for queries) may be answered from the HTTP cache.
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });

  return {
    client,
    ws,
    onStateChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => void ws.dispose(),
  };
}
