import { print, type ExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/** POSTs a typed document to /graphql and returns the full result (data and errors). */
export async function graphqlHttp<R, V>(
  baseUrl: string,
  document: TypedDocumentNode<R, V>,
  variables?: V,
  headers: Record<string, string> = {},
): Promise<ExecutionResult<R> & { status: number }> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return { status: res.status, ...((await res.json()) as ExecutionResult<R>) };
}

export function graphqlWsClient(baseUrl: string, connectionParams?: Record<string, unknown>): Client {
  return createClient({ url: `${baseUrl.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams });
}

/** Runs one operation over graphql-ws and resolves with its single result. */
export function graphqlWs<R, V>(client: Client, document: TypedDocumentNode<R, V>, variables?: V): Promise<ExecutionResult<R>> {
  return new Promise((resolve, reject) => {
    let result: ExecutionResult<R> | undefined;
    client.subscribe<R>(
      { query: print(document), variables: variables as Record<string, unknown> | undefined },
      {
        next: (value) => (result = value as ExecutionResult<R>),
        error: reject,
        complete: () => (result ? resolve(result) : reject(new Error('completed without a result'))),
      },
    );
  });
}

/** Subscribes over graphql-ws; iterate the results, `return()` unsubscribes. */
export function graphqlWsSubscribe<R, V>(client: Client, document: TypedDocumentNode<R, V>, variables?: V): AsyncIterableIterator<ExecutionResult<R>> {
  return client.iterate<R>({ query: print(document), variables: variables as Record<string, unknown> | undefined }) as AsyncIterableIterator<ExecutionResult<R>>;
}
