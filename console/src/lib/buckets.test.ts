import { describe, expect, it } from 'vitest';
import { fillBuckets } from './buckets';

describe('usage buckets on a time axis', () => {
  const empty = (key: string) => ({ key, requests: 0 });

  it('fills the hours the server did not report, keeping its buckets in place', () => {
    const from = Date.parse('2026-01-01T10:30:00Z');
    const to = Date.parse('2026-01-01T14:00:00Z');
    const filled = fillBuckets([{ key: '2026-01-01T12:00:00.000Z', requests: 3 }], from, to, 'HOUR', empty);
    expect(filled).toEqual([
      { key: '2026-01-01T10:00:00.000Z', requests: 0 },
      { key: '2026-01-01T11:00:00.000Z', requests: 0 },
      { key: '2026-01-01T12:00:00.000Z', requests: 3 },
      { key: '2026-01-01T13:00:00.000Z', requests: 0 },
    ]);
  });

  it('matches days whatever the ISO spelling of the bucket start', () => {
    const filled = fillBuckets([{ key: '2026-01-02T00:00:00+00:00', requests: 1 }], Date.parse('2026-01-01T00:00:00Z'), Date.parse('2026-01-03T00:00:00Z'), 'DAY', empty);
    expect(filled.map((b) => b.requests)).toEqual([0, 1]);
  });
});
