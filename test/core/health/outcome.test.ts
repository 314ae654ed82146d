import { describe, expect, it } from 'vitest';
import { classifyOutcome, type Outcome } from '../../../src/core/health/outcome.js';

describe('classifyOutcome', () => {
  it.each<[Outcome, string]>([
    [{ kind: 'success', ttftMs: 300, tokensPerSecond: 80 }, 'success'],
    [{ kind: 'success', ttftMs: 300 }, 'success'],
    [{ kind: 'failure', cause: 'server_error' }, 'failure'],
    [{ kind: 'failure', cause: 'timeout' }, 'failure'],
    [{ kind: 'failure', cause: 'connection' }, 'failure'],
    [{ kind: 'failure', cause: 'stall' }, 'failure'],
    [{ kind: 'failure', cause: 'bad_response' }, 'failure'],
    [{ kind: 'rate_limited' }, 'rate_limited'],
    [{ kind: 'client_error' }, 'ignored'],
  ])('%o counts as %s', (outcome, counted) => {
    expect(classifyOutcome(outcome)).toBe(counted);
  });
});
