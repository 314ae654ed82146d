// Display helpers for numbers, times and percentages.

const integer = new Intl.NumberFormat('en-US');
export const count = (n: number): string => integer.format(n);

export const percent = (ratio: number | null | undefined, digits = 1): string =>
  ratio === null || ratio === undefined ? '—' : `${(ratio * 100).toFixed(digits)} %`;

export const seconds = (s: number | null | undefined): string => {
  if (s === null || s === undefined) return '—';
  return s < 1 ? `${Math.round(s * 1000)} ms` : `${s.toFixed(2)} s`;
};

export const millis = (ms: number | null | undefined): string => (ms === null || ms === undefined ? '—' : ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(2)} s`);

export const tokensPerSecond = (tps: number | null | undefined): string => (tps === null || tps === undefined ? '—' : `${tps.toFixed(0)} tok/s`);

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const timeOnly = new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium', timeZone: 'UTC' });

/** Times are shown in UTC, like the server's usage buckets and key limit periods. */
export const when = (iso: string | null | undefined): string => (iso ? `${dateTime.format(new Date(iso))} UTC` : '—');
export const day = (iso: string): string => dateOnly.format(new Date(iso));
export const clock = (iso: string): string => timeOnly.format(new Date(iso));

const trim = (n: number) => n.toFixed(2).replace(/\.?0+$/, '');
export const contextLength = (tokens: number): string => (tokens >= 1_000_000 ? `${trim(tokens / 1_000_000)}M` : tokens >= 1000 ? `${Math.round(tokens / 1000)}K` : String(tokens));

export const enumLabel = (value: string): string => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');
