// Browser tests may look into the database the portal under test is using (the embedded one, owned by the
// webServer process: its port is in the lock file next to the data folder).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export function e2eDatabaseUrl(): string {
  if (process.env.E2E_DATABASE_URL) return process.env.E2E_DATABASE_URL; // the multi-instance test's PostgreSQL
  const dir = path.resolve(process.env.E2E_PGLITE_DIR || "tmp/e2e/pglite");
  const owner = JSON.parse(fs.readFileSync(`${dir}.owner.json`, "utf8")) as { port: number };
  return `postgres://postgres@127.0.0.1:${owner.port}/postgres`;
}

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
