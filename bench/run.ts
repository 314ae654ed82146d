// `npm run bench`: every benchmark, one after another, printed as tables.
import { benchRouting } from './routing.js';
import { benchHealth } from './health.js';
import { benchSimulator } from './simulator.js';
import { benchAdapters } from './adapters.js';

console.log('\n== Routing: planAttempts for a model with 10 endpoints (µs per plan) ==');
console.table(benchRouting());

console.log('\n== Health: in-memory store, 30 min of mixed traffic over 10 endpoints ==');
console.table(await benchHealth());

console.log('\n== Adapters: stream parts parsed per second (100k deltas per family, median of 5) ==');
console.table(await benchAdapters());

console.log('\n== Simulator: fast profile, 200 output tokens per response, 32 concurrent clients ==');
console.table(await benchSimulator());

console.log(`\n== Credits: reserve + settle, 2000 requests, 16 concurrent (one hot key vs 16 accounts) ==`);
console.table(await (await import('./reservations.js')).benchReservations());

console.log('\n== Gateway vs a bare pass-through proxy (own processes; embedded PGlite; one hot key; 400 sequential, then 32 connections × 8 s) ==');
console.table(await (await import('./gateway.js')).benchGateway());

console.log('\n== Usage analytics: viewer.usage over 1M generations of one account (PostgreSQL, median of 3) ==');
console.table(await (await import('./usage.js')).benchUsage(['postgres']));

console.log('\n== Under attack: /health every 10 ms during each attack of issue 14 (server in its own process) ==');
console.table(await (await import('./attacks.js')).benchAttacks());
