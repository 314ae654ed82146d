import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_POLICIES, RAW_SNIPPET_MAX_CHARS, SwitchyardError, toSwitchyardError } from '../../src/core/errors.js';
import { HTTP_STATUS } from '../../src/rest/error-status.js';

describe('error taxonomy', () => {
  it('is the closed set from the architecture', () => {
    expect(ERROR_CODES).toEqual([
      'bad_request', 'unauthorized', 'insufficient_credits', 'forbidden', 'not_found', 'rate_limited', 'timeout',
      'upstream_unavailable', 'upstream_bad_response', 'context_length_exceeded', 'cancelled', 'internal',
      'service_unavailable',
    ]);
  });

  it('retries rate limits without blaming the endpoint, and blames it for outages', () => {
    expect(ERROR_POLICIES.rate_limited).toEqual({ retryable: true, countsAgainstHealth: false });
    expect(ERROR_POLICIES.upstream_unavailable).toMatchObject({ retryable: true, countsAgainstHealth: true });
    expect(ERROR_POLICIES.timeout).toMatchObject({ retryable: true, countsAgainstHealth: true });
    expect(ERROR_POLICIES.bad_request).toMatchObject({ retryable: false, countsAgainstHealth: false });
  });

  it('is projected onto OpenRouter HTTP statuses by the REST surface, every code', () => {
    expect(Object.keys(HTTP_STATUS).sort()).toEqual([...ERROR_CODES].sort());
    expect([HTTP_STATUS.rate_limited, HTTP_STATUS.timeout, HTTP_STATUS.bad_request, HTTP_STATUS.insufficient_credits, HTTP_STATUS.upstream_bad_response]).toEqual([429, 408, 400, 402, 502]);
  });

  it('reads its policy from the table and truncates raw snippets', () => {
    const error = new SwitchyardError('upstream_bad_response', 'bad', { rawSnippet: 'x'.repeat(5000) });
    expect(error.retryable).toBe(true);
    expect(error.metadata.rawSnippet?.length).toBe(RAW_SNIPPET_MAX_CHARS);
    expect(error).toBeInstanceOf(Error);
  });

  it('turns unknown throwables into internal errors and keeps SwitchyardErrors as they are', () => {
    const original = new SwitchyardError('timeout', 't');
    expect(toSwitchyardError(original)).toBe(original);
    expect(toSwitchyardError(new TypeError('boom'))).toMatchObject({ code: 'internal', message: 'boom' });
  });
});
