// `npm run bench`: every benchmark, one after another, printed as tables.
import { benchRouting } from './routing.js';
import { benchHealth } from './health.js';
import { benchSimulator } from './simulator.js';

console.log('\n== Routing: planAttempts for a model with 10 endpoints (µs per plan) ==');
console.table(benchRouting());

console.log('\n== Health: in-memory store, 30 min of mixed traffic over 10 endpoints ==');
console.table(await benchHealth());

console.log('\n== Simulator: fast profile, 200 output tokens per response, 32 concurrent clients ==');
console.table(await benchSimulator());
