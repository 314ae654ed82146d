import { request } from 'node:http';

export interface UploadResult {
  status: number;
  body: string;
  /** Bytes the client managed to hand to its socket before the server answered (backpressure holds the rest). */
  bytesSent: number;
}

/**
 * POSTs `prefix + filler… + suffix` (up to `totalBytes`) with `Transfer-Encoding: chunked` — no
 * Content-Length, so a limit on that header alone cannot stop it. Writes honour backpressure and stop
 * as soon as the server answers, so `bytesSent` shows how much the server was willing to read.
 */
export function chunkedUpload(url: string, options: { prefix: string; suffix: string; totalBytes: number; headers?: Record<string, string> }): Promise<UploadResult> {
  const filler = Buffer.alloc(64 * 1024, 'a');
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...options.headers } });
    req.on('response', (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8'), bytesSent }));
      res.on('error', reject);
    });
    // The server may close the connection while we still write: that is the expected refusal, not a failure.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const write = (chunk: Buffer | string): boolean => {
      bytesSent += Buffer.byteLength(chunk);
      return req.write(chunk);
    };
    write(options.prefix);
    const pump = () => {
      while (!answered && bytesSent < options.totalBytes) {
        if (!write(filler)) return void req.once('drain', pump);
      }
      if (!answered) req.end(options.suffix);
    };
    pump();
  });
}
