// `npm run bench`: every benchmark, one after another, printed as tables.
import { benchRouting } from './routing.js';

console.log('\n== Routing: planAttempts for a model with 10 endpoints (µs per plan) ==');
console.table(benchRouting());
