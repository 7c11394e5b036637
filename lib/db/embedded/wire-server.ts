// Serves one PGlite instance to many PostgreSQL clients over TCP on 127.0.0.1.
//
// Why not PGLiteSocketServer's own multiplexer: it interleaves single protocol messages of different
// connections, so one client's Parse can replace another's unnamed statement between its Parse and its Execute
// (measured: wrong rows and "portal does not exist" under 3 concurrent pools). Here a connection's messages are run
// as one unit up to each Sync or simple Query, and while a connection holds an open transaction no other
// connection runs at all, which gives the clients the isolation they expect from PostgreSQL.
import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'

interface Job {
  conn: number;
  messages: Uint8Array[];
  write: (data: Uint8Array) => void;
  done: (err?: unknown) => void;
}

/** Runs jobs one at a time; a connection inside a transaction keeps the database to itself until it ends. */
class Scheduler {
  private queue: Job[] = [];
  private running = false;
  private owner: number | null = null;

  constructor(private db: PGlite) {}

  submit(job: Job) {
    this.queue.push(job);
    void this.pump();
  }

  async release(conn: number) {
    this.queue = this.queue.filter((j) => j.conn !== conn);
    if (this.owner === conn) {
      // A client that vanished mid-transaction must not leave the shared session inside it.
      // (exec takes PGlite's own lock; nothing else runs meanwhile because this connection still owns the session)
      if (this.db.isInTransaction()) await this.db.exec("ROLLBACK").catch(() => {});
      this.owner = null;
      void this.pump();
    }
  }

  private async pump() {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const idx = this.owner === null ? 0 : this.queue.findIndex((j) => j.conn === this.owner);
        if (idx < 0 || this.queue.length === 0) break;
        const [job] = this.queue.splice(idx, 1);
        let error: unknown;
        try {
          await this.db.runExclusive(async () => {
            for (const m of job.messages) {
              await this.db.execProtocolRawStream(m, { onRawData: (d) => job.write(d) });
            }
          });
        } catch (e) {
          error = e;
        }
        this.owner = this.db.isInTransaction() ? job.conn : null;
        job.done(error);
      }
    } finally {
      this.running = false;
    }
  }
}

export interface WireServer {
  port: number;
  stop(): Promise<void>;
}

export async function startWireServer(db: PGlite, opts: { port?: number; host?: string } = {}): Promise<WireServer> {
  const scheduler = new Scheduler(db);
  const sockets = new Set<net.Socket>();
  let nextConn = 1;

  const server = net.createServer((socket) => {
    const conn = nextConn++;
    sockets.add(socket);
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let started = false;
    let pending: Uint8Array[] = [];
    let busy: Promise<void> = Promise.resolve();

    const write = (d: Uint8Array) => {
      if (socket.writable && d.length > 0) socket.write(Buffer.from(d));
    };
    const run = (messages: Uint8Array[]) => {
      busy = busy.then(
        () =>
          new Promise<void>((resolve) =>
            scheduler.submit({
              conn,
              messages,
              write,
              done: (err) => {
                if (err) socket.destroy();
                resolve();
              },
            }),
          ),
      );
    };

    socket.on("data", (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          if (buffer.length < 8) return;
          const len = buffer.readInt32BE(0);
          const code = buffer.readInt32BE(4);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            buffer = buffer.subarray(8);
            socket.write("N");
            continue;
          }
          if (code === CANCEL_REQUEST) {
            socket.end();
            return;
          }
          if (buffer.length < len) return;
          const msg = new Uint8Array(buffer.subarray(0, len));
          buffer = buffer.subarray(len);
          started = code === PROTOCOL_3;
          run([msg]);
          continue;
        }
        if (buffer.length < 5) return;
        const type = buffer[0];
        const len = 1 + buffer.readInt32BE(1);
        if (buffer.length < len) return;
        const msg = new Uint8Array(buffer.subarray(0, len));
        buffer = buffer.subarray(len);
        if (type === TERMINATE) {
          socket.end();
          return;
        }
        pending.push(msg);
        if (type === SYNC || type === QUERY) {
          run(pending);
          pending = [];
        }
      }
    });
    const close = () => {
      sockets.delete(socket);
      void busy.then(() => scheduler.release(conn));
    };
    socket.on("close", close);
    socket.on("error", () => socket.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error("wire server has no address");

  return {
    port: address.port,
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
