// Standalone upstream simulator: `npx tsx src/simulator/main.ts --port 4010 [--host 127.0.0.1] [--fast] [--require-auth] [--fault-rate groq=0.3,*=0.05] [--stall-ms 30000]`
import { parseArgs } from 'node:util';
import { defaultProfiles, fastProfile, parseFaultRates } from './profiles.js';
import { startSimulator } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    fast: { type: 'boolean', default: false }, // every provider without latency, pacing or faults
    'require-auth': { type: 'boolean', default: false },
    // Mixed 429/5xx/reset/stall before the first token, per provider (`*` for all): replaces the profiles' faults.
    'fault-rate': { type: 'string', default: '' },
    // How long a `stall` fault holds the response (fast profile).
    'stall-ms': { type: 'string' },
  },
});

let faultRates: Record<string, number>;
try {
  faultRates = parseFaultRates(values['fault-rate']);
} catch (error) {
  console.error(`--fault-rate: ${(error as Error).message}`);
  process.exit(2);
}
const stallMs = values['stall-ms'] === undefined ? undefined : Number(values['stall-ms']);
if (stallMs !== undefined && !(stallMs >= 0)) {
  console.error(`--stall-ms must be a non-negative number, got ${values['stall-ms']}`);
  process.exit(2);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be an integer 0..65535, got ${values.port}`);
  process.exit(2);
}

const sim = await startSimulator({
  port,
  host: values.host,
  profiles: values.fast ? {} : defaultProfiles,
  fallbackProfile: stallMs === undefined ? fastProfile : { ...fastProfile, stallMs },
  requireAuth: values['require-auth'],
  faultRates,
});
console.log(`Switchyard upstream simulator listening on ${sim.url}`);
console.log(`  OpenAI:    ${sim.url}/p/<provider>/v1/chat/completions`);
console.log(`  Anthropic: ${sim.url}/p/anthropic/v1/messages`);
console.log(`  Gemini:    ${sim.url}/p/google/v1beta/models/<model>:generateContent`);
console.log(`  Profiles:  ${values.fast ? 'fast for every provider' : Object.keys(defaultProfiles).join(', ')} (no /p/ prefix = fast)`);

const shutdown = (): void => {
  void sim.stop().then(() => process.exit(0));
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
