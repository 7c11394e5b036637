// The one way this project connects to its database: one pg pool per process, used by the Prisma client (through
// the pg driver adapter) and, for the few hot paths that run on every request of a signed-in user or every autosave,
// by plain SQL on the same pool (lib/db/sql.ts). PostgreSQL and the embedded database alike: the embedded one is
// served over the same wire protocol.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";

export function createDatabase(url: string, opts: { poolSize?: number } = {}) {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? Number(process.env.DB_POOL_SIZE || 10),
    // a new connection to the embedded database is answered in turn too (see transactionOptions below)
    connectionTimeoutMillis: 15_000,
  });
  // Prisma's $disconnect ends the pool too, so that scripts and tests exit.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  // The embedded database runs one transaction at a time (its wire server gives an open transaction the whole
  // database), so with several clerks saving at once a transaction can wait its turn longer than Prisma's default
  // 2 s and then fail ("Unable to start a transaction in the given time"): seen with six concurrent writers in
  // lib/db/crash-safety.test.ts on a loaded 2-core machine. Waiting is the right behaviour for a save.
  const prisma = new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 20_000 } });
  return { prisma, pool };
}

export function createPrismaClient(url: string, opts: { poolSize?: number } = {}) {
  return createDatabase(url, opts).prisma;
}

export type Db = ReturnType<typeof createPrismaClient>;
