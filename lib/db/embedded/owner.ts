// The embedded database: one PGlite data folder with exactly one owning process (see lock.ts for why).
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { startWireServer } from "./wire-server";
import { acquireLock, embeddedDataDir, lockPath, readLock, urlForPort, type OwnerInfo } from "./lock";

export { EmbeddedDatabaseOwnedError, embeddedDataDir, findOwner, urlForPort } from "./lock";

export interface EmbeddedDatabase {
  url: string;
  port: number;
  db: PGlite;
  close(): Promise<void>;
}

/** Becomes the one owner of the data folder and serves it on 127.0.0.1 (port 0 = any free port). */
export async function openEmbeddedDatabase(opts: { dir?: string; port?: number } = {}): Promise<EmbeddedDatabase> {
  const dir = opts.dir ?? embeddedDataDir();
  acquireLock(dir);
  let db: PGlite | undefined;
  try {
    db = await PGlite.create(dir, { extensions: { pg_trgm } });
    const server = await startWireServer(db, { port: opts.port ?? 0 });
    const info: OwnerInfo = { ...readLock(dir)!, port: server.port };
    fs.writeFileSync(lockPath(dir), JSON.stringify(info));
    let closed = false;
    return {
      url: urlForPort(server.port),
      port: server.port,
      db,
      async close() {
        if (closed) return;
        closed = true;
        await server.stop();
        await db!.close();
        fs.rmSync(lockPath(dir), { force: true });
      },
    };
  } catch (e) {
    await db?.close().catch(() => {});
    fs.rmSync(lockPath(dir), { force: true });
    throw e;
  }
}
