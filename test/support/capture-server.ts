import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface CaptureServer {
  url: string;
  requests: CapturedRequest[];
  close(): Promise<void>;
}

/**
 * A local HTTP server that records every request and answers with what `answer` says (a recorded
 * provider response), so an official SDK can be pointed at it and its request compared with ours.
 */
export async function startCaptureServer(answer: (request: CapturedRequest) => { contentType: string; body: string; status?: number }): Promise<CaptureServer> {
  const requests: CapturedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const captured: CapturedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: text ? JSON.parse(text) : undefined };
      requests.push(captured);
      const reply = answer(captured);
      res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Every key path of a JSON value (`messages[].content[].type`): the field names, not the values. */
export function fieldPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((item) => fieldPaths(item, `${prefix}[]`)))].sort();
  if (value === null || typeof value !== 'object') return prefix ? [prefix] : [];
  const paths = Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    // A JSON Schema is user data: its keys are not the API's field names.
    if (key === 'schema' || key === 'parameters' || key === 'input_schema' || key === 'parametersJsonSchema' || key === 'responseJsonSchema' || key === 'args' || key === 'input') return [path];
    return fieldPaths(item, path);
  });
  return [...new Set(paths)].sort();
}
