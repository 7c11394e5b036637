// Test support: a private copy of the project's tables in a schema of its own, built from prisma/migrations, so that
// bulk loads (45,000 regions, hundreds of demo agencies) neither disturb nor see the other test files that share the
// test database. The migrations run inside one transaction with SET LOCAL search_path, which the embedded database's
// wire server keeps to this connection (a connection inside a transaction has the database to itself).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { quoteIdent } from "./db";

export interface PrivateSchema {
  client: pg.Client;
  schema: string;
  drop(): Promise<void>;
}

export async function createPrivateSchema(url: string, prefix: string): Promise<PrivateSchema> {
  const schema = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`.toLowerCase();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const dir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
  const migrations = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
  await client.query("BEGIN");
  try {
    await client.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
    await client.query(`SET LOCAL search_path TO ${quoteIdent(schema)}, public`);
    for (const m of migrations) await client.query(fs.readFileSync(path.join(dir, m, "migration.sql"), "utf8"));
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    await client.end().catch(() => {});
    throw e;
  }
  return {
    client,
    schema,
    async drop() {
      await client.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`).catch(() => {});
      await client.end().catch(() => {});
    },
  };
}
