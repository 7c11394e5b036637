import "server-only";
import type pg from "pg";
import { createDatabase, type Db } from "./prisma";
import { requireDatabaseUrl } from "./url";

// One database connection pool per server process, shared by the Prisma client and lib/db/sql.ts; the global
// survives Next.js dev-mode module reloads.
const globalForDb = globalThis as unknown as { nianbaoDb?: { prisma: Db; pool: pg.Pool } };

function connection() {
  if (!globalForDb.nianbaoDb) {
    const created = createDatabase(requireDatabaseUrl());
    // an idle connection the server closed (a restart) must not take the process down; the pool replaces it
    created.pool.on("error", (e) => console.warn(`[db] idle connection lost: ${e.message}`));
    globalForDb.nianbaoDb = created;
  }
  return globalForDb.nianbaoDb;
}

export function db(): Db {
  return connection().prisma;
}

/** The pool under db(), for lib/db/sql.ts. */
export function pool(): pg.Pool {
  return connection().pool;
}

/** Closes the client and its pool (scripts, at the end); the next db() or pool() call connects afresh. */
export async function disconnect(): Promise<void> {
  const current = globalForDb.nianbaoDb;
  globalForDb.nianbaoDb = undefined;
  await current?.prisma.$disconnect();
}
