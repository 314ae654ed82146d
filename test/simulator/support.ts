import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/simulator/index.js';

export interface SseResult {
  status: number;
  headers: Headers;
  events: EventSourceMessage[];
  /** Raw body text as received. */
  raw: string;
}

/** A simulator on a free port; every provider prefix gets the fast profile unless `profiles` says otherwise. */
export async function withSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ port: 0, profiles: {}, ...options });
}

export function post(sim: RunningSimulator, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function postJson(sim: RunningSimulator, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await post(sim, path, body, headers);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** Posts and parses the whole SSE body with eventsource-parser. */
export async function postSse(sim: RunningSimulator, path: string, body: unknown, headers: Record<string, string> = {}): Promise<SseResult> {
  const response = await post(sim, path, body, headers);
  const raw = await response.text();
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => events.push(event) });
  parser.feed(raw);
  return { status: response.status, headers: response.headers, events, raw };
}

/** JSON payloads of SSE events, skipping OpenAI's `[DONE]`. */
export function payloads(result: SseResult): any[] {
  return result.events.filter((e) => e.data !== '[DONE]').map((e) => JSON.parse(e.data));
}

export const weatherToolSchema = {
  type: 'object',
  properties: {
    city: { type: 'string' },
    days: { type: 'integer', minimum: 1, maximum: 7 },
    unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
    detailed: { type: 'boolean' },
  },
  required: ['city', 'days', 'unit'],
};
