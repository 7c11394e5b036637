// Can the portal use this database? Answers in words a developer can act on, never a stack trace.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { describeUrl } from "./url";

export type HealthResult = { ok: true } | { ok: false; problem: "unreachable" | "not-migrated"; message: string };

export function migrationNames(migrationsDir = path.resolve("prisma/migrations")): string[] {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(migrationsDir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

export async function checkDatabase(url: string, migrationsDir?: string): Promise<HealthResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (e) {
    return {
      ok: false,
      problem: "unreachable",
      message:
        `Cannot connect to the database at ${describeUrl(url)} (${(e as Error).message || (e as { code?: string }).code}). ` +
        "Check that the PostgreSQL server is running and DATABASE_URL is right, or unset DATABASE_URL to use the embedded database.",
    };
  }
  try {
    const expected = migrationNames(migrationsDir);
    let applied: string[] = [];
    try {
      const r = await client.query<{ migration_name: string }>(
        "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
      );
      applied = r.rows.map((x) => x.migration_name);
    } catch {
      applied = [];
    }
    const missing = expected.filter((m) => !applied.includes(m));
    if (missing.length > 0) {
      return {
        ok: false,
        problem: "not-migrated",
        message:
          `The database at ${describeUrl(url)} is not migrated (${missing.length} pending: ${missing.join(", ")}). ` +
          "Run `npm run db:migrate` (add DATABASE_URL=… for a PostgreSQL server), then start again.",
      };
    }
    return { ok: true };
  } finally {
    await client.end().catch(() => {});
  }
}
