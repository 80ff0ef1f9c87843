/**
 * Runs PGlite off the main thread and exposes it on a private Unix socket, so a heavy query
 * blocks this worker's event loop instead of every HTTP request (stack.md guardrail 2), and
 * the app talks to it through node-postgres exactly as it talks to PostgreSQL.
 * Plain JavaScript because Node 20 workers do not inherit the TypeScript loader.
 *
 * The socket side is ours rather than pglite-socket's server, which hands PGlite each protocol message of a
 * statement (Parse, Bind, Describe, Execute, Sync) separately and writes each answer to the socket by itself:
 * here every complete message that arrived together goes to PGlite in one call and its answers leave in one
 * write (docs/BENCHMARKS.md §0, "Where the time goes").
 */
import net from 'node:net';
import { BroadcastChannel, parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/** @type {{ dataDir: string, socketPath: string, maxConnections: number }} */
const { dataDir, socketPath, maxConnections } = workerData;

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'
const PARSE = 0x50; // 'P'
const BIND = 0x42; // 'B'
/** Kept in step with generic-plans.ts (plain JavaScript here: the worker cannot import TypeScript). */
const GENERIC_PLANS_CHANNEL = 'duikou:generic-plans';

/**
 * Generic plans for the statement texts the app names (generic-plans.ts): a batch whose every Bind is of a named
 * statement of such a text runs with plan_cache_mode=force_generic_plan, any other batch with the default. The
 * setting changes only between statements outside a transaction (a SET inside one would be undone with it), and
 * only when the next batch needs the other mode, so a run of either kind costs nothing.
 */
class PlanModes {
  /** @type {Set<string>} texts that get generic plans */
  texts = new Set();
  /** @type {Map<string, string>} each named statement's text, from its Parse (names are not reused for other texts) */
  statements = new Map();
  generic = false;

  constructor(db) {
    this.db = db;
    const channel = new BroadcastChannel(GENERIC_PLANS_CHANNEL);
    channel.unref();
    channel.onmessage = ({ data }) => {
      if (data?.type === 'texts') for (const t of data.texts) this.texts.add(t);
    };
    // Texts named before this worker started.
    channel.postMessage({ type: 'hello' });
  }

  /** Whether the batch's statements get generic plans; notes the names it parses. */
  read(batch) {
    let binds = 0;
    let generic = true;
    for (let at = 0; at + 5 <= batch.length; at += 1 + batch.readInt32BE(at + 1)) {
      const type = batch[at];
      if (type !== PARSE && type !== BIND) continue;
      const nameStart = type === PARSE ? at + 5 : batch.indexOf(0, at + 5) + 1;
      const nameEnd = batch.indexOf(0, nameStart);
      const name = batch.toString('latin1', nameStart, nameEnd);
      if (type === PARSE) {
        if (name) this.statements.set(name, batch.toString('utf8', nameEnd + 1, batch.indexOf(0, nameEnd + 1)));
      } else {
        binds++;
        generic &&= name !== '' && this.texts.has(this.statements.get(name));
      }
    }
    return binds > 0 && generic;
  }

  /** Before a batch, outside a transaction and between statements: the mode it needs. */
  async set(generic) {
    if (generic === this.generic) return;
    await this.db.exec(generic ? 'SET plan_cache_mode = force_generic_plan' : 'RESET plan_cache_mode');
    this.generic = generic;
  }
}

/**
 * Each data file's size kept in memory. PostgreSQL asks a relation's size (a seek to the end of its file) for every
 * table and index a statement is planned or scanned over: about 55 times per statement of the mix, each an fstat in
 * PGlite's Node file system (2–3 µs and a Stats object with four Dates). PGlite is the only writer of its files (the
 * data directory is locked, data-dir-lock.ts), and every change of a file's size goes through that file system's
 * write or set-attributes (truncate, fallocate) operations, so a size is learnt by one fstat, moved on by writes
 * and forgotten at a truncate; a seek to the end reads it.
 */
function keepFileSizes(db) {
  const { FS } = db.Module;
  const { stream_ops: streams, node_ops: nodes } = FS.filesystems.NODEFS;
  const { llseek, write, setattr: streamSetattr } = streams;
  const nodeSetattr = nodes.setattr;
  /** @type {WeakMap<object, number>} bytes per file node (one per file while it exists) */
  const sizes = new WeakMap();
  streams.llseek = (stream, offset, whence) => {
    if (whence !== 2 || !FS.isFile(stream.node.mode)) return llseek(stream, offset, whence);
    let size = sizes.get(stream.node);
    if (size === undefined) {
      size = llseek(stream, 0, 2);
      sizes.set(stream.node, size);
    }
    return offset + size < 0 ? llseek(stream, offset, whence) : offset + size;
  };
  streams.write = (stream, buffer, offset, length, position, canOwn) => {
    try {
      const written = write(stream, buffer, offset, length, position, canOwn);
      const size = sizes.get(stream.node);
      if (size !== undefined && typeof position === 'number')
        sizes.set(stream.node, Math.max(size, position + written));
      else sizes.delete(stream.node);
      return written;
    } catch (err) {
      sizes.delete(stream.node);
      throw err;
    }
  };
  streams.setattr = (stream, attr) => {
    try {
      return streamSetattr(stream, attr);
    } finally {
      sizes.delete(stream.node);
    }
  };
  nodes.setattr = (node, attr) => {
    try {
      return nodeSetattr(node, attr);
    } finally {
      sizes.delete(node);
    }
  };
}

/**
 * PGlite has one backend: the connections' batches run one at a time, and while one connection is inside a
 * transaction, or between a statement's first message and its Sync, only its own batches run (another's would land
 * inside that transaction, or replace its unnamed statement).
 */
class Turns {
  /** @type {{ conn: object, whole: boolean, run: () => Promise<void> }[]} */
  waiting = [];
  running = false;
  /** @type {object | null} the connection that alone may go next */
  owner = null;
  gone = new WeakSet();

  constructor(db) {
    this.db = db;
    this.modes = new PlanModes(db);
  }

  /** `whole`: the batch ends a statement (Sync, a simple query or the start-up). */
  push(conn, whole, run) {
    return new Promise((resolve, reject) => {
      this.waiting.push({ conn, whole, run: () => run().then(resolve, reject) });
      void this.next();
    });
  }

  async next() {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        if (this.owner && this.gone.has(this.owner)) {
          // Its connection closed mid-transaction (a process killed, a pool error): nothing will finish it.
          this.owner = null;
          if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
        }
        const i = this.owner ? this.waiting.findIndex((w) => w.conn === this.owner) : 0;
        if (i < 0 || !this.waiting.length) break;
        const [turn] = this.waiting.splice(i, 1);
        await turn.run();
        this.owner = this.db.isInTransaction() || !turn.whole ? turn.conn : null;
      }
    } finally {
      this.running = false;
    }
  }

  /** A connection gone: its waiting batches are dropped and a transaction it left open is rolled back. */
  leave(conn) {
    this.gone.add(conn);
    this.waiting = this.waiting.filter((w) => w.conn !== conn);
    void this.next();
  }
}

/** Length of the complete message at the buffer's start, or 0 when it has not all arrived. */
function messageLength(buf, started) {
  if (!started) return buf.length >= 4 && buf.length >= buf.readInt32BE(0) ? buf.readInt32BE(0) : 0;
  return buf.length >= 5 && buf.length >= 1 + buf.readInt32BE(1) ? 1 + buf.readInt32BE(1) : 0;
}

function serve(db, socket, turns) {
  let pending = Buffer.alloc(0);
  let started = false;
  let chain = Promise.resolve();
  const send = (message, whole, generic = false) =>
    turns.push(socket, whole, async () => {
      if (!turns.owner && !turns.db.isInTransaction()) await turns.modes.set(generic);
      // Corked: the answer's pieces leave in one write. No PGlite lock (Turns already runs one batch at a time) and no
      // syncToFs, a no-op on Node's file system that PGlite writes through: each cost promises and a mutex per
      // batch, about a third of a small statement's time in this thread.
      socket.cork();
      try {
        await db.execProtocolRawStream(message, {
          syncToFs: false,
          // The bytes are a view of PGlite's memory, reused by the next call: copied.
          onRawData: (bytes) => socket.writable && socket.write(Buffer.from(bytes)),
        });
      } finally {
        socket.uncork();
      }
    });
  const take = async () => {
    while (pending.length) {
      const n = messageLength(pending, started);
      if (!n) return;
      if (!started) {
        const code = pending.readInt32BE(4);
        const startup = pending.subarray(0, n);
        pending = pending.subarray(n);
        if (code === SSL_REQUEST) socket.write('N');
        else if (code === CANCEL_REQUEST) socket.end();
        else if (code === PROTOCOL_3) {
          started = true;
          await send(new Uint8Array(startup), true);
        } else socket.destroy();
        continue;
      }
      if (pending[0] === TERMINATE) {
        // Never handed to PGlite, whose one backend would end with it.
        pending = pending.subarray(n);
        socket.end();
        continue;
      }
      // Every complete message in hand, in one call.
      let end = 0;
      let lastLength = 0;
      for (let m = n; m && pending[end] !== TERMINATE; m = messageLength(pending.subarray(end), true)) {
        end += m;
        lastLength = m;
      }
      const generic = turns.modes.read(pending.subarray(0, end));
      const batch = new Uint8Array(pending.subarray(0, end));
      pending = pending.subarray(end);
      const last = batch[end - lastLength];
      await send(batch, last === SYNC || last === QUERY, generic);
    }
  };
  socket.on('data', (chunk) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    chain = chain.then(take).catch((err) => socket.destroy(err));
  });
  socket.on('error', () => {});
  socket.on('close', () => turns.leave(socket));
}

async function main() {
  const db = await PGlite.create(dataDir, {
    extensions: { pg_trgm },
    // Planner costs for a database read from memory (PGlite's files stay in the page cache): a page fetched out of
    // order costs about what one read in order does. The mix's statements, replayed on its 10× data, took 10–11 %
    // less of PGlite's CPU with these (2026-12-07); as command-line settings they survive RESET ALL.
    startParams: [...PGlite.defaultStartParams, '-c', 'random_page_cost=1.1', '-c', 'effective_cache_size=2GB'],
  });
  keepFileSizes(db);
  const turns = new Turns(db);
  const open = new Set();
  const server = net.createServer((socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    serve(db, socket, turns);
  });
  server.maxConnections = maxConnections;
  await new Promise((resolve, reject) => server.once('error', reject).listen(socketPath, resolve));
  parentPort.postMessage({ type: 'ready' });
  parentPort.on('message', async (msg) => {
    if (msg.type !== 'close') return;
    try {
      await new Promise((resolve) => {
        server.close(resolve);
        for (const socket of open) socket.destroy();
      });
      await db.close();
      parentPort.postMessage({ type: 'closed' });
    } catch (err) {
      parentPort.postMessage({ type: 'error', message: String(err) });
    }
  });
}

main().catch((err) => {
  parentPort.postMessage({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
});
