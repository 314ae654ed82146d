// The ceiling for the gateway benchmark: a minimal Node HTTP pass-through proxy (no auth, routing,
// billing or parsing) in front of the simulator. `tsx bench/passthrough-proxy.ts <port> <upstream url>`
import { createServer, request, Agent } from 'node:http';

const [port, upstream] = [Number(process.argv[2]), new URL(process.argv[3]!)];
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

createServer((req, res) => {
  const forward = request(
    { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host }, agent },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  forward.on('error', () => res.destroy());
  req.pipe(forward);
}).listen(port, '127.0.0.1', () => console.log(`proxy on ${port}`));
