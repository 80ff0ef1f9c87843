// Child process of stall-server.ts: fires GET /cheap and GET /select1 every 5 ms (open loop: a slow answer does
// not delay the next request) and reports each request's send time and latency. Plain JavaScript so that its
// own event loop carries no loader and no TypeScript work.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const base = process.argv[2];
// One pool of pre-opened keep-alive sockets per path. Without it, a stalled server makes the client open hundreds
// of new connections, the accept queue overflows and SYN retransmits (1 s, 3 s) swamp what is being measured.
const SOCKETS = 64;
const agents = {
  '/cheap': new http.Agent({ keepAlive: true, maxSockets: SOCKETS }),
  '/select1': new http.Agent({ keepAlive: true, maxSockets: SOCKETS }),
};
const now = () => performance.timeOrigin + performance.now();
const samples = [];
let pending = 0;
let timer;

function warm(path) {
  return new Promise((resolve) => {
    http.get(base + path, { agent: agents[path] }, (res) => res.resume().on('end', resolve)).on('error', resolve);
  });
}

function fire(path) {
  const sent = now();
  pending++;
  const req = http.get(base + path, { agent: agents[path] }, (res) => {
    res.resume();
    res.on('end', () => {
      pending--;
      samples.push({ path, sent, ms: now() - sent, status: res.statusCode });
    });
  });
  req.on('error', (err) => {
    pending--;
    samples.push({ path, sent, ms: now() - sent, status: 0, error: String(err) });
  });
}

process.on('message', async (msg) => {
  if (msg === 'start') {
    for (const path of Object.keys(agents)) await Promise.all(Array.from({ length: SOCKETS }, () => warm(path)));
    timer = setInterval(() => {
      fire('/cheap');
      fire('/select1');
    }, 5);
    process.send({ type: 'started' });
  }
  if (msg === 'stop') {
    clearInterval(timer);
    const deadline = Date.now() + 15_000;
    while (pending > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    for (const agent of Object.values(agents)) agent.destroy();
    process.send({ type: 'samples', samples, unfinished: pending }, () => process.exit(0));
  }
});
// If the server process dies, so does this client.
process.on('disconnect', () => process.exit(0));
process.send({ type: 'ready' });
