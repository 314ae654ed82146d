/**
 * Whether a GraphQL document nests `{`, `[` and `(` deeper than `maxDepth` (strings, block strings and
 * comments skipped). graphql-js parses recursively, so a list literal 5,000 deep overflows its stack;
 * this one pass refuses such a document before the parser runs.
 */
export function documentNestsDeeperThan(source: string, maxDepth: number): boolean {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x23 /* # */) {
      while (i < source.length && source.charCodeAt(i) !== 0x0a && source.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x22 /* " */) {
      if (source.startsWith('"""', i)) {
        const end = source.indexOf('"""', i + 3);
        // Inside a block string only \""" escapes; skip those.
        let close = end;
        while (close > 0 && source.charCodeAt(close - 1) === 0x5c) close = source.indexOf('"""', close + 3);
        if (close < 0) return false;
        i = close + 2;
      } else {
        for (i++; i < source.length && source.charCodeAt(i) !== 0x22; i++) if (source.charCodeAt(i) === 0x5c) i++;
      }
    } else if (c === 0x7b || c === 0x5b || c === 0x28) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x7d || c === 0x5d || c === 0x29) depth--;
  }
  return false;
}
