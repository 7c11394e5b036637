// Database migrations for nianbao, in Prisma's own formats (prisma/migrations/<timestamp>_<name>/migration.sql,
// migration_lock.toml, the _prisma_migrations table), so the real `prisma migrate` accepts the same history; but
// without Prisma's native schema engine, which cannot be downloaded in the build environment.
//
//   tsx scripts/migrate.ts deploy            apply pending migrations to DATABASE_URL (set-up, production)
//   tsx scripts/migrate.ts status            list applied / pending; exit 1 when pending or diverged
//   tsx scripts/migrate.ts dev --name <name> write a migration for schema.prisma's changes, then deploy it
//                                            (only when DATABASE_URL is set)
//   tsx scripts/migrate.ts diff              CI drift check: exit 2 and print the missing SQL when
//                                            prisma/migrations does not produce schema.prisma
//   tsx scripts/migrate.ts reset --force     drop schema public of DATABASE_URL and apply every migration
//
// Options: --schema <file> (default prisma/schema.prisma), --migrations <dir> (default prisma/migrations).
//
// deploy, status and reset use plain `pg` against DATABASE_URL (fast, and what production runs; see
// migrate/database.ts). dev and diff run Prisma's schema engine (WebAssembly) on in-memory PGlite databases, so
// they need no database server (see migrate/engine.ts). DATABASE_URL comes from the environment, else from .env.
// Exit codes: 0 done / up to date, 1 error or (status) pending / diverged, 2 (diff) schema and migrations differ.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type pg from "pg";
import {
  applyMigration,
  compareHistory,
  connect,
  describeUrl,
  dropSchema,
  ensureHistoryTable,
  type HistoryComparison,
  historyProblem,
  readHistory,
  withMigrationLock,
} from "./migrate/database";
import {
  DEFAULT_MIGRATIONS_DIR,
  DEFAULT_SCHEMA_PATH,
  type LocalMigration,
  localMigrations,
  type Paths,
  readMigrations,
  readSchema,
  UserError,
  writeMigration,
} from "./migrate/files";

const USAGE = `Usage: tsx scripts/migrate.ts <command> [options]
  deploy               apply pending migrations to DATABASE_URL
  status               show applied and pending migrations (exit 1 when pending or diverged)
  dev --name <name>    create a migration from schema.prisma's changes; apply it when DATABASE_URL is set
  diff                 check that prisma/migrations produces schema.prisma (exit 2 when not)
  reset --force        drop everything in DATABASE_URL's schema public and apply all migrations
Options: --schema <file>  --migrations <dir>`;

/** Paths relative to the working directory, for messages. */
const rel = (p: string) => {
  const r = path.relative(process.cwd(), p);
  return r.startsWith("..") ? p : r || ".";
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const ENV_FILE = path.resolve(DEFAULT_SCHEMA_PATH, "../../.env");

/** DATABASE_URL from the environment, else from the project's .env (the environment wins, as with Next.js). */
function configuredUrl(): string | undefined {
  if (process.env.DATABASE_URL === undefined && existsSync(ENV_FILE)) process.loadEnvFile(ENV_FILE);
  return process.env.DATABASE_URL || undefined;
}

function databaseUrl(): string {
  const url = configuredUrl();
  if (!url) {
    throw new UserError(
      "DATABASE_URL is not set. Set it in the environment or in .env, e.g. " +
        "DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres (start the embedded database with npm run db:start)",
    );
  }
  return url;
}

/** Open DATABASE_URL, run `work`, always disconnect. */
async function withDatabase<T>(work: (client: pg.Client, url: string) => Promise<T>): Promise<T> {
  const url = databaseUrl();
  const client = await connect(url);
  try {
    return await work(client, url);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The folder's migrations, checked before any database is touched. */
async function loadLocal(paths: Paths): Promise<LocalMigration[]> {
  return localMigrations(await readMigrations(paths.migrationsDir));
}

/** Apply every pending migration (under the migration lock); refuses when the history diverged. */
async function deployPending(client: pg.Client, local: LocalMigration[]): Promise<string[]> {
  return withMigrationLock(client, async () => {
    await ensureHistoryTable(client);
    const comparison = compareHistory(local, (await readHistory(client)) ?? []);
    const problem = historyProblem(comparison);
    if (problem) throw new UserError(`Refusing to migrate: ${problem}`);
    for (const migration of comparison.pending) {
      await applyMigration(client, migration);
      console.log(`  applied ${migration.name}`);
    }
    return comparison.pending.map((m) => m.name);
  });
}

async function deploy(paths: Paths): Promise<number> {
  const local = await loadLocal(paths);
  return withDatabase(async (client, url) => {
    const applied = await deployPending(client, local);
    console.log(
      applied.length
        ? `Applied ${plural(applied.length, "migration")} to ${describeUrl(url)}.`
        : `No pending migrations: ${describeUrl(url)} is up to date.`,
    );
    return 0;
  });
}

/** One word for a migration of the folder in `status`: capitals for what needs attention. */
function stateOf(name: string, c: HistoryComparison): string {
  if (c.edited.includes(name)) return "EDITED";
  if (c.failed.some((r) => r.migration_name === name)) return "FAILED";
  return c.applied.includes(name) ? "applied" : "PENDING";
}

async function status(paths: Paths): Promise<number> {
  const local = await loadLocal(paths);
  return withDatabase(async (client, url) => {
    const rows = (await readHistory(client)) ?? [];
    const c = compareHistory(local, rows);
    console.log(`Database:   ${describeUrl(url)}`);
    console.log(`Migrations: ${rel(paths.migrationsDir)} (${plural(local.length, "migration")})`);
    for (const m of local) console.log(`  ${stateOf(m.name, c).padEnd(7)}  ${m.name}`);
    for (const name of c.notInFolder) console.log(`  NOT IN FOLDER  ${name}`);
    const problem = historyProblem(c);
    if (problem) {
      console.log(`Diverged: ${problem}`);
      return 1;
    }
    if (c.pending.length) {
      console.log(`${plural(c.pending.length, "pending migration")}: run npm run db:migrate`);
      return 1;
    }
    console.log("Database is up to date.");
    return 0;
  });
}

/** The wasm engine and PGlite take ~0.5 s just to import: only dev and diff load them. */
const engine = () => import("./migrate/engine");

async function diff(paths: Paths): Promise<number> {
  const { diffMigrationsToSchema } = await engine();
  const result = await diffMigrationsToSchema(await readMigrations(paths.migrationsDir), await readSchema(paths.schema));
  if (result.inSync) {
    console.log(`${rel(paths.migrationsDir)} produces exactly ${rel(paths.schema)}.`);
    return 0;
  }
  console.log(`${rel(paths.schema)} has changes that no migration in ${rel(paths.migrationsDir)} contains.`);
  console.log("Create one with: npm run db:new-migration -- <what_changed>\nMissing SQL:\n");
  console.log(result.missingSql.trimEnd());
  return 2;
}

/** Prisma puts the name into a directory name; keep it to letters, digits and underscores. */
function migrationName(name: string | undefined): string {
  const clean = (name ?? "").trim().replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  if (!clean) throw new UserError("dev needs a migration name: tsx scripts/migrate.ts dev --name <what_changed>");
  return clean.slice(0, 200);
}

async function dev(paths: Paths, name: string | undefined): Promise<number> {
  const cleanName = migrationName(name);
  const { createMigration } = await engine();
  const created = await createMigration(await readMigrations(paths.migrationsDir), await readSchema(paths.schema), cleanName);
  if (created) {
    const dir = await writeMigration(paths.migrationsDir, created.directoryName, created.script, created.connectorType);
    console.log(`Created ${rel(path.join(dir, "migration.sql"))}. Review it and commit it with schema.prisma.`);
  } else {
    console.log(`No changes: ${rel(paths.migrationsDir)} already produces ${rel(paths.schema)}. Nothing created.`);
  }
  if (!configuredUrl()) {
    console.log("DATABASE_URL is not set: nothing applied.");
    return 0;
  }
  return deploy(paths);
}

async function reset(paths: Paths, force: boolean): Promise<number> {
  if (!force) {
    throw new UserError("reset deletes every table and row in DATABASE_URL's schema public. Run it with --force.");
  }
  // Read the folder first: a broken folder must not cost the database.
  const local = await loadLocal(paths);
  return withDatabase(async (client, url) => {
    await withMigrationLock(client, () => dropSchema(client));
    console.log(`Dropped and recreated schema public in ${describeUrl(url)}.`);
    const applied = await deployPending(client, local);
    console.log(`Applied ${plural(applied.length, "migration")}.`);
    return 0;
  });
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      force: { type: "boolean", default: false },
      schema: { type: "string" },
      migrations: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const paths: Paths = {
    schema: path.resolve(values.schema ?? DEFAULT_SCHEMA_PATH),
    migrationsDir: path.resolve(values.migrations ?? DEFAULT_MIGRATIONS_DIR),
  };
  const [command, ...extra] = positionals;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (extra.length) throw new UserError(`Unexpected argument(s): ${extra.join(" ")}\n${USAGE}`);
  switch (command) {
    case "deploy":
      return deploy(paths);
    case "status":
      return status(paths);
    case "dev":
      return dev(paths, values.name);
    case "diff":
      return diff(paths);
    case "reset":
      return reset(paths, values.force);
    default:
      throw new UserError(command ? `Unknown command: ${command}\n${USAGE}` : USAGE);
  }
}

/**
 * One clear message for the errors we expect. The schema engine's errors carry a Rust backtrace after the
 * message ("   0: schema_engine_wasm::…"), which only helps the engine's authors.
 */
function report(err: unknown): number {
  if (err instanceof UserError) {
    console.error(err.message);
    return err.exitCode;
  }
  const e = err as Error;
  if (e?.name === "SchemaConnectorError" || /schema_engine_wasm::/.test(e?.message ?? "")) {
    console.error(`Schema engine: ${e.message.split(/\n\s+0: schema_engine_wasm::/)[0]!.trim()}`);
    return 1;
  }
  if ((err as { code?: string })?.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    console.error(`${e.message}\n${USAGE}`);
    return 1;
  }
  console.error(err); // a bug: keep the stack trace
  return 1;
}

const code = await main(process.argv.slice(2)).catch(report);
// Exit explicitly: after the wasm engine has run, Node lingers ~10 s before exiting on its own.
process.stdout.write("", () => process.exit(code));
