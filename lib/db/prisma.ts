// The one way this project makes a Prisma client: the pg driver adapter, for PostgreSQL and the embedded
// database alike (the embedded one is served over the same wire protocol).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

export function createPrismaClient(url: string, opts: { poolSize?: number } = {}) {
  const adapter = new PrismaPg({
    connectionString: url,
    max: opts.poolSize ?? Number(process.env.DB_POOL_SIZE || 10),
    connectionTimeoutMillis: 5000,
  });
  return new PrismaClient({ adapter });
}

export type Db = ReturnType<typeof createPrismaClient>;
