// POSTs a prepared body from a worker thread, so sending megabytes does not block the event loop that
// the server under test (and its /health probe) share. Posts back the status and the parsed JSON answer.
import { parentPort, workerData } from 'node:worker_threads';

const { url, body, headers } = workerData;
const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
parentPort.postMessage({ status: res.status, body: await res.json() });
