import { describe, expect, it } from 'vitest';
import { jsonNestsDeeperThan } from '../../src/transport/nesting.js';
import { documentNestsDeeperThan } from '../../src/graphql/document-nesting.js';

const bytes = (s: string) => Buffer.from(s);

describe('jsonNestsDeeperThan', () => {
  it('counts objects and arrays, not brackets inside strings (escaped quotes included)', () => {
    expect(jsonNestsDeeperThan(bytes('{"a":[{"b":1}]}'), 3)).toBe(false);
    expect(jsonNestsDeeperThan(bytes('{"a":[{"b":1}]}'), 2)).toBe(true);
    expect(jsonNestsDeeperThan(bytes('{"a":"[[[[[[\\"[[[["}'), 1)).toBe(false);
    expect(jsonNestsDeeperThan(bytes(`${'['.repeat(5_000)}${']'.repeat(5_000)}`), 64)).toBe(true);
  });
});

describe('documentNestsDeeperThan', () => {
  it('counts braces, brackets and parentheses outside strings, block strings and comments', () => {
    expect(documentNestsDeeperThan('{ a(x: [[1]]) { b } }', 4)).toBe(false);
    expect(documentNestsDeeperThan('{ a(x: [[1]]) { b } }', 3)).toBe(true);
    expect(documentNestsDeeperThan('{ a(x: "[[[[[[[", y: """ {{{{{ \\""" [[[[ """) # ((((((((\n }', 2)).toBe(false);
    expect(documentNestsDeeperThan(`{ a(x: ${'['.repeat(2_000)}1${']'.repeat(2_000)}) }`, 64)).toBe(true);
  });
});
