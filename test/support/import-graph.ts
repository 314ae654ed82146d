import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface Import {
  from: string;
  to: string;
  /** `import type …` / `export type …` or every named specifier marked `type`: erased at runtime. */
  typeOnly: boolean;
}

const STATEMENT = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s+from\s+['"]([^'"]+)['"]/gms;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import between the TypeScript files under `root` (paths relative to `base`). */
export function importGraph(base: string, root: string): Import[] {
  const imports: Import[] = [];
  for (const file of files(resolve(base, root))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(STATEMENT)) {
      const target = m[4]!;
      if (!target.startsWith('.')) continue;
      const names = m[3]!.trim();
      const allTyped = /^\{[\s\S]*\}$/.test(names) && names.slice(1, -1).split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '));
      const to = relative(base, resolve(dirname(file), target.replace(/\.js$/, '.ts')));
      imports.push({ from: relative(base, file), to, typeOnly: Boolean(m[2]) || allTyped });
    }
  }
  return imports;
}

/** The cycles of a graph (each once, as the list of files around it), by Tarjan's strongly connected components. */
export function cycles(edges: readonly Import[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return found;
}
