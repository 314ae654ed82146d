// Runs in a worker thread, so building and masking a huge frame does not block the event loop that the
// server under test (and its /health probe) share. Sends one `connection_init` frame of `bytes` bytes and
// posts back how the server closed the socket.
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';

const { url, bytes } = workerData;
const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
socket.on('open', () => {
  const payload = Buffer.alloc(bytes, 0x78);
  Buffer.from('{"type":"connection_init","payload":{"x":"').copy(payload);
  Buffer.from('"}}').copy(payload, bytes - 3);
  socket.send(payload);
});
socket.on('message', (data) => {
  if (JSON.parse(String(data)).type === 'connection_ack') parentPort.postMessage({ acknowledged: true });
});
socket.on('error', () => {});
socket.on('close', (code, reason) => parentPort.postMessage({ closed: { code, reason: String(reason) } }));
