import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

export interface LogLine {
  msg: string;
  [field: string]: unknown;
}

/** A real pino logger whose JSON lines a test can wait for: the app's own report of what it did. */
export function captureLogs(): { logger: Logger; lines: LogLine[]; next(msg: string, test?: (line: LogLine) => boolean): Promise<LogLine> } {
  const lines: LogLine[] = [];
  const waiting: { msg: string; test: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().split('\n').filter(Boolean)) {
        const line = JSON.parse(text) as LogLine;
        lines.push(line);
        for (const w of [...waiting]) {
          if (w.msg === line.msg && w.test(line)) {
            waiting.splice(waiting.indexOf(w), 1);
            w.resolve(line);
          }
        }
      }
      done();
    },
  });
  return {
    logger: pino({ level: 'info' }, sink),
    lines,
    /** The next line with this message (and passing `test`) logged from now on. */
    next: (msg, test = () => true) => new Promise((resolve) => waiting.push({ msg, test, resolve })),
  };
}
