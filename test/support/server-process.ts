import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const root = resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
  /** The URL once the server listens; rejects if it exits first. */
  listening: Promise<string>;
}

/** `npm start` as a user runs it: a real process, configured only by its environment. */
export function startServerProcess(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const listening = new Promise<string>((done, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      const url = /"url":"([^"]+)"/.exec(line)?.[1];
      if (url) done(url);
    });
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    void exited.then((code) => fail(new Error(`exited with ${code} before listening:\n${output.join('\n')}`)));
  });
  listening.catch(() => {}); // tests that expect an early exit never await it
  return { child, output, exited, listening };
}
