// The live database: connecting, the `_prisma_migrations` history table, applying migrations, resetting.
//
// This side talks to PostgreSQL (or PGlite served over its wire protocol) with plain `pg` instead of the wasm
// schema engine: it is what runs on every set-up and in production, so it must be quick (one connection, a
// handful of queries) and its failures must read clearly. It writes exactly what the engine writes (same table
// definition, same columns filled, same checksum, same advisory lock), so the real Prisma CLI accepts the history.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { checksumMatches, type LocalMigration, UserError } from "./files";

/** The only schema this project uses. */
const SCHEMA = "public";

/** The advisory lock key of Prisma's schema engine: our runs and the real CLI's exclude one another. */
const PRISMA_LOCK_KEY = 72707369;

/** The engine's CREATE TABLE, byte for byte (from @prisma/schema-engine-wasm's postgres connector). */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);
`;

/** DATABASE_URL with its password hidden, for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}

/** Validate DATABASE_URL and turn it into pg's settings. */
function clientConfig(url: string): pg.ClientConfig {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UserError(`DATABASE_URL is not a valid URL: ${describeUrl(url)}. Expected postgres://user:password@host:port/database`);
  }
  if (u.protocol !== "postgres:" && u.protocol !== "postgresql:") {
    throw new UserError(`DATABASE_URL must start with postgres:// or postgresql:// (got ${u.protocol}//)`);
  }
  // Prisma-style URLs may name a schema; this project keeps everything in "public".
  const schema = u.searchParams.get("schema");
  if (schema && schema !== SCHEMA) {
    throw new UserError(`DATABASE_URL asks for schema "${schema}", but migrations only support the "${SCHEMA}" schema`);
  }
  u.searchParams.delete("schema");
  return {
    connectionString: u.toString(),
    connectionTimeoutMillis: 5000,
    application_name: "nianbao-migrate",
  };
}

/** One connection to the database, with the session set up like the engine's (search_path = the schema). */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client(clientConfig(url));
  // Without a listener, a connection dropped by the server would crash the process with a stack trace.
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query(`SET search_path TO "${SCHEMA}"`);
  } catch (err) {
    await client.end().catch(() => {});
    throw new UserError(
      `无法连接数据库 / cannot connect to the database at ${describeUrl(url)}: ${reason(err)}. ${connectHint(err)}`,
    );
  }
  return client;
}

/** What to do about a connection failure. */
function connectHint(err: unknown): string {
  switch ((err as { code?: string }).code) {
    case "3D000":
      return "Create that database first, or fix the database name in DATABASE_URL";
    case "28P01":
    case "28000":
      return "Check the user and password in DATABASE_URL";
    default:
      return "Check DATABASE_URL, or start the embedded database first: npm run db:start";
  }
}

/** A one-line reason for a connection failure (pg's errors differ by layer: socket, protocol, server). */
function reason(err: unknown): string {
  const e = err as { code?: string; message?: string; errors?: { message?: string }[] };
  // An AggregateError (one try per resolved address) has an empty message of its own.
  const message = e.message || e.errors?.map((x) => x.message).join("; ") || String(err);
  return e.code && !message.includes(e.code) ? `${message} (${e.code})` : message;
}

/** Run `work` holding Prisma's migration lock, so two deploys never apply the same migration twice. */
export async function withMigrationLock<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  // lock_timeout bounds the wait (like the engine's 10 s) and is reset before any migration runs.
  await client.query("SET lock_timeout = '10s'");
  try {
    await client.query(`SELECT pg_advisory_lock(${PRISMA_LOCK_KEY})`);
  } catch (err) {
    throw new UserError(`Another migration is running on this database (lock not free after 10 s): ${reason(err)}`);
  } finally {
    await client.query("RESET lock_timeout");
  }
  try {
    return await work();
  } finally {
    // A PGlite behind pglite-socket keeps its single session after we disconnect, so unlock explicitly.
    await client.query(`SELECT pg_advisory_unlock(${PRISMA_LOCK_KEY})`).catch(() => {});
  }
}

/** A row of `_prisma_migrations`. */
export interface HistoryRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

/** The history table's rows in the engine's order, or null when the table does not exist yet. */
export async function readHistory(client: pg.Client): Promise<HistoryRow[] | null> {
  const { rows } = await client.query<{ exists: boolean }>(
    `SELECT to_regclass('"${SCHEMA}"."_prisma_migrations"') IS NOT NULL AS "exists"`,
  );
  if (!rows[0]?.exists) return null;
  const history = await client.query<HistoryRow>(
    `SELECT "id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", ` +
      `"applied_steps_count" FROM "_prisma_migrations" ORDER BY "started_at" ASC`,
  );
  return history.rows;
}

/** Create the history table if missing, as the engine does on its first run. */
export async function ensureHistoryTable(client: pg.Client): Promise<void> {
  if ((await readHistory(client)) === null) await client.query(CREATE_MIGRATIONS_TABLE);
}

/** How the migrations folder and the database's history relate. */
export interface HistoryComparison {
  applied: string[];
  pending: LocalMigration[];
  /** applied, but the file changed since */
  edited: string[];
  /** started and never finished (a failure recorded by the Prisma CLI): needs a human */
  failed: HistoryRow[];
  /** applied to the database, unknown to this folder (another branch, or a deleted migration) */
  notInFolder: string[];
}

/**
 * Compare, with the engine's rules: rolled-back rows do not count, a row without finished_at is a failed
 * migration, an applied migration must still match its checksum (CRLF/LF differences allowed).
 */
export function compareHistory(local: LocalMigration[], rows: HistoryRow[]): HistoryComparison {
  const live = rows.filter((r) => r.rolled_back_at === null);
  const finished = new Map(live.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r]));
  const failed = live.filter((r) => r.finished_at === null);
  const failedNames = new Set(failed.map((r) => r.migration_name));
  const localNames = new Set(local.map((m) => m.name));
  return {
    applied: local.filter((m) => finished.has(m.name)).map((m) => m.name),
    pending: local.filter((m) => !finished.has(m.name) && !failedNames.has(m.name)),
    edited: local.filter((m) => finished.has(m.name) && !checksumMatches(m.script, finished.get(m.name)!.checksum)).map((m) => m.name),
    failed,
    notInFolder: [...finished.keys()].filter((name) => !localNames.has(name)),
  };
}

/** Why the database's history forbids applying anything, or null when it is safe. */
export function historyProblem(c: HistoryComparison): string | null {
  const problems: string[] = [];
  if (c.failed.length) {
    problems.push(
      `failed migration(s) recorded in _prisma_migrations: ${c.failed.map((r) => r.migration_name).join(", ")} ` +
        "(fix the database by hand, then mark it with `prisma migrate resolve` or delete its row)",
    );
  }
  if (c.edited.length) {
    problems.push(
      `migration(s) changed after they were applied: ${c.edited.join(", ")} ` +
        "(restore the original migration.sql and put the change in a new migration: npm run db:new-migration -- <name>)",
    );
  }
  if (c.notInFolder.length) {
    problems.push(
      `the database has migration(s) that prisma/migrations does not: ${c.notInFolder.join(", ")} ` +
        "(check out the branch that has them, or reset a development database: tsx scripts/migrate.ts reset --force)",
    );
  }
  return problems.length ? problems.join("; ") : null;
}

/**
 * Apply one migration the way the engine does (insert the row, run the script, count the step, set
 * finished_at), but all in one transaction: a failing migration leaves neither half its changes nor a "failed"
 * row behind, so fixing the file and deploying again is all it takes.
 */
export async function applyMigration(client: pg.Client, migration: LocalMigration): Promise<void> {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" ("id","checksum","started_at","migration_name") VALUES ($1,$2,$3,$4)`,
      [id, migration.checksum, new Date(), migration.name],
    );
    // No parameters: pg sends the script with the simple query protocol, which runs several statements,
    // as the engine does.
    await client.query(migration.script);
    await client.query(
      `UPDATE "_prisma_migrations" SET "applied_steps_count" = ("applied_steps_count" + 1), "finished_at" = $1 WHERE "id" = $2`,
      [new Date(), id],
    );
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw new UserError(`Migration ${migration.name} failed and was rolled back: ${sqlErrorText(err, migration.script)}`);
  }
}

/** A Postgres error with the line of the migration script it points at. */
function sqlErrorText(err: unknown, script: string): string {
  const e = err as { message?: string; position?: string; detail?: string; hint?: string; code?: string };
  let text = e.message ?? String(err);
  if (e.position) {
    const offset = Number(e.position) - 1;
    const line = script.slice(0, offset).split("\n").length;
    const lineText = script.split("\n")[line - 1]?.trim();
    text += ` (migration.sql line ${line}: ${lineText})`;
  }
  if (e.detail) text += ` — ${e.detail}`;
  if (e.hint) text += ` — hint: ${e.hint}`;
  return text;
}

/** Drop everything in the schema (tables, types, functions, the history) and recreate it empty. */
export async function dropSchema(client: pg.Client): Promise<void> {
  await client.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
  await client.query(`CREATE SCHEMA "${SCHEMA}"`);
  await client.query(`SET search_path TO "${SCHEMA}"`);
}
