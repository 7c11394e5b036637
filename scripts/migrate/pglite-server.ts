// A PGlite database served over the PostgreSQL wire protocol on 127.0.0.1, the way the project's embedded
// database is always reached. Used by scripts/migrate.test.ts; run directly to get a throw-away server:
//   npx tsx scripts/migrate/pglite-server.ts [dataDir]     (prints its postgres:// URL, Ctrl-C stops it)
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { fileURLToPath } from "node:url";
import { newPglite } from "./pglite-template";

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Serve a PGlite (in memory, or in `dataDir`) on a free port of 127.0.0.1. */
export async function startPgliteServer(dataDir?: string): Promise<RunningServer> {
  const db = dataDir ? await PGlite.create({ dataDir }) : await newPglite();
  // Several connections, as in the app: pglite-socket queues their queries onto the single PGlite session.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 20 });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url, stop } = await startPgliteServer(process.argv[2]);
  console.log(url);
  const shutdown = () => void stop().then(() => process.exit(0));
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
