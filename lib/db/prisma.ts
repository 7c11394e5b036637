// The one way this project makes a Prisma client: the pg driver adapter, for PostgreSQL and the embedded
// database alike (the embedded one is served over the same wire protocol).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

export function createPrismaClient(url: string, opts: { poolSize?: number } = {}) {
  const adapter = new PrismaPg({
    connectionString: url,
    max: opts.poolSize ?? Number(process.env.DB_POOL_SIZE || 10),
    // a new connection to the embedded database is answered in turn too (see transactionOptions below)
    connectionTimeoutMillis: 15_000,
  });
  // The embedded database runs one transaction at a time (its wire server gives an open transaction the whole
  // database), so with several clerks saving at once a transaction can wait its turn longer than Prisma's default
  // 2 s and then fail ("Unable to start a transaction in the given time"): seen with six concurrent writers in
  // lib/db/crash-safety.test.ts on a loaded 2-core machine. Waiting is the right behaviour for a save.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 20_000 } });
}

export type Db = ReturnType<typeof createPrismaClient>;
