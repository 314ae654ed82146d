import type { FaultRates } from './profiles.js';

export type HttpErrorStatus = 429 | 500 | 502 | 503 | 529;

/** What goes wrong with one response. */
export type SimFault =
  | { kind: 'none' }
  | { kind: 'http_error'; status: HttpErrorStatus }
  | { kind: 'reset' } // TCP reset before any byte of the response
  | { kind: 'stall' } // nothing for stallMs, then a normal response
  | { kind: 'drop' } // the body ends half-way: no final chunk / [DONE] / message_stop
  | { kind: 'malformed' } // one chunk (or the JSON body) is not valid JSON
  | { kind: 'error_mid_stream' }; // the stream reports an error event after the middle token (Anthropic's overloaded_error)

const BY_HEADER: Readonly<Record<string, SimFault>> = {
  none: { kind: 'none' },
  '429': { kind: 'http_error', status: 429 },
  '500': { kind: 'http_error', status: 500 },
  '502': { kind: 'http_error', status: 502 },
  '503': { kind: 'http_error', status: 503 },
  '529': { kind: 'http_error', status: 529 },
  reset: { kind: 'reset' },
  stall: { kind: 'stall' },
  drop: { kind: 'drop' },
  malformed: { kind: 'malformed' },
  midstream: { kind: 'error_mid_stream' },
};

export const FAULT_HEADER_VALUES = Object.keys(BY_HEADER);

/** The fault an `x-sim-fault` header value forces, or undefined when the value is unknown. */
export function faultFromHeader(value: string): SimFault | undefined {
  return BY_HEADER[value.trim().toLowerCase()];
}

const BY_RATE: ReadonlyArray<[keyof FaultRates, SimFault]> = [
  ['rateLimited429', { kind: 'http_error', status: 429 }],
  ['error500', { kind: 'http_error', status: 500 }],
  ['error502', { kind: 'http_error', status: 502 }],
  ['error503', { kind: 'http_error', status: 503 }],
  ['overloaded529', { kind: 'http_error', status: 529 }],
  ['connectionReset', { kind: 'reset' }],
  ['stallBeforeFirstToken', { kind: 'stall' }],
  ['dropMidStream', { kind: 'drop' }],
  ['malformedChunk', { kind: 'malformed' }],
  ['errorMidStream', { kind: 'error_mid_stream' }],
];

/** Draws at most one fault from the profile's rates with a single uniform sample `roll` ∈ [0, 1). */
export function drawFault(rates: FaultRates, roll: number): SimFault {
  let threshold = 0;
  for (const [key, fault] of BY_RATE) {
    threshold += rates[key];
    if (roll < threshold) return fault;
  }
  return { kind: 'none' };
}
