// The embedded database's lock file: one PGlite data folder with exactly one owning process.
//
// PGlite does not lock its folder, and two processes that open it both succeed and silently lose writes. So the
// owner takes an exclusive lock file before opening the folder, serves the database over the PostgreSQL wire
// protocol on 127.0.0.1, and writes its port into the lock. Every other process (Next.js, scripts, tests) finds the
// port there and connects like to any PostgreSQL server; a second would-be owner is refused.
import fs from "node:fs";
import path from "node:path";

export interface OwnerInfo {
  pid: number;
  port: number | null;
  dir: string;
  startedAt: string;
}

export class EmbeddedDatabaseOwnedError extends Error {
  constructor(public owner: OwnerInfo) {
    super(
      `The embedded database ${owner.dir} is already open in process ${owner.pid}` +
        (owner.port ? ` (serving on 127.0.0.1:${owner.port})` : "") +
        ". Only one process may own it: stop that process, or connect to it with DATABASE_URL.",
    );
  }
}

export function embeddedDataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DIR || "data/pglite");
}

export function lockPath(dir: string) {
  return `${dir}.owner.json`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function readLock(dir: string): OwnerInfo | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath(dir), "utf8")) as OwnerInfo;
  } catch {
    return null;
  }
}

/** The running owner of `dir`, if any (a lock left by a dead process does not count). */
export function findOwner(dir = embeddedDataDir()): OwnerInfo | null {
  const info = readLock(dir);
  return info && isAlive(info.pid) ? info : null;
}

export function urlForPort(port: number) {
  return `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
}

export function acquireLock(dir: string): void {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const info: OwnerInfo = { pid: process.pid, port: null, dir, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath(dir), "wx");
      fs.writeSync(fd, JSON.stringify(info));
      fs.closeSync(fd);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = readLock(dir);
      if (holder && isAlive(holder.pid)) throw new EmbeddedDatabaseOwnedError(holder);
      // A lock whose process died (crash, kill -9) is stale: the folder is closed, take it over.
      fs.rmSync(lockPath(dir), { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath(dir)}`);
}

