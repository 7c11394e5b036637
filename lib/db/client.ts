import "server-only";
import { createPrismaClient, type Db } from "./prisma";
import { requireDatabaseUrl } from "./url";

// One client per server process; the global survives Next.js dev-mode module reloads.
const globalForDb = globalThis as unknown as { nianbaoDb?: Db };

export function db(): Db {
  if (!globalForDb.nianbaoDb) globalForDb.nianbaoDb = createPrismaClient(requireDatabaseUrl());
  return globalForDb.nianbaoDb;
}
