// Tests of scripts/migrate.ts. The CLI runs as a child process, exactly as npm runs it; the databases are PGlite
// served over TCP by pglite-socket (in this process, so the child reaches it by a postgres:// URL like the app
// does) and, when TEST_PG_URL names a PostgreSQL server we may create databases on, a real PostgreSQL.
//   npx vitest run scripts/migrate.test.ts
//   TEST_PG_URL=postgres://postgres@127.0.0.1:5432/postgres npx vitest run scripts/migrate.test.ts
// (TEST_DATABASE_URL, which scripts/test.sh sets, works too.)
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareHistory, type HistoryRow } from "./migrate/database";
import { NO_FILTER } from "./migrate/engine";
import { withPgEngine } from "./migrate/engine-pg";
import { checksum, checksumMatches, localMigrations, readMigrations, readSchema } from "./migrate/files";
import { startPgliteServer, type RunningServer } from "./migrate/pglite-server";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SCHEMA = path.join(ROOT, "prisma/schema.prisma");
const MIGRATIONS = path.join(ROOT, "prisma/migrations");

/** The wasm engine on PGlite takes 5–15 s a command on the 2-core build machine. */
const ENGINE_TIMEOUT = 60_000;
const DB_TIMEOUT = 30_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI as npm would (tsx), asynchronously: the PGlite server of this process must keep answering. */
function migrate(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "scripts/migrate.ts"), ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: "", ...env }, timeout: ENGINE_TIMEOUT },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A scratch folder with copies of the schema and the migrations. */
async function scratch(): Promise<{ dir: string; schema: string; migrations: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "migrate-test-"));
  const schema = path.join(dir, "schema.prisma");
  const migrations = path.join(dir, "migrations");
  await cp(SCHEMA, schema);
  await cp(MIGRATIONS, migrations, { recursive: true });
  return { dir, schema, migrations };
}

const EXTRA_MODEL = `
model MigrateTestExtra {
  id    Int    @id @default(autoincrement())
  label String
}
`;

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const historyNames = async (url: string) =>
  (await query<{ migration_name: string }>(url, `SELECT migration_name FROM "_prisma_migrations" ORDER BY started_at`)).map(
    (r) => r.migration_name,
  );

describe("pure helpers", () => {
  it("checksums like Prisma's engine (sha256 hex; CRLF-agnostic; old unpadded format)", () => {
    expect(checksum("hello")).toBe("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    expect(checksumMatches("a;\r\nb;\r\n", checksum("a;\nb;\n"))).toBe(true);
    expect(checksumMatches("a;\nb;\n", checksum("a;\r\nb;\r\n"))).toBe(true);
    expect(checksumMatches("abc\n", checksum("abc"))).toBe(false);
    const digest = Buffer.from(checksum("hello"), "hex");
    const unpadded = Array.from(digest, (b) => b.toString(16)).join("");
    expect(unpadded.length).toBeLessThan(64);
    expect(checksumMatches("hello", unpadded)).toBe(true);
  });

  it("compares history: pending, edited, failed, rolled back, unknown", () => {
    const local = [
      { name: "1_a", script: "A", checksum: checksum("A") },
      { name: "2_b", script: "B2", checksum: checksum("B2") },
      { name: "3_c", script: "C", checksum: checksum("C") },
      { name: "4_d", script: "D", checksum: checksum("D") },
    ];
    const row = (name: string, script: string, extra: Partial<HistoryRow> = {}): HistoryRow => ({
      id: randomUUID(),
      checksum: checksum(script),
      finished_at: new Date(),
      migration_name: name,
      logs: null,
      rolled_back_at: null,
      started_at: new Date(),
      applied_steps_count: 1,
      ...extra,
    });
    const c = compareHistory(local, [
      row("1_a", "A"),
      row("2_b", "B"),
      row("3_c", "C", { finished_at: null, logs: "boom" }),
      row("4_d", "D", { rolled_back_at: new Date(), finished_at: null }),
      row("0_gone", "X"),
    ]);
    expect(c.applied).toEqual(["1_a", "2_b"]);
    expect(c.edited).toEqual(["2_b"]);
    expect(c.failed.map((r) => r.migration_name)).toEqual(["3_c"]);
    expect(c.pending.map((m) => m.name)).toEqual(["4_d"]);
    expect(c.notInFolder).toEqual(["0_gone"]);
  });

  it("the committed migrations folder has Prisma's layout", async () => {
    const lock = await readFile(path.join(MIGRATIONS, "migration_lock.toml"), "utf8");
    expect(lock).toMatch(/^provider = "postgresql"$/m);
    const dirs = (await readdir(MIGRATIONS, { withFileTypes: true })).filter((d) => d.isDirectory());
    expect(dirs.length).toBeGreaterThan(0);
    for (const d of dirs) expect(d.name).toMatch(/^\d{14}_\w+$/);
    expect(localMigrations(await readMigrations(MIGRATIONS)).length).toBe(dirs.length);
  });
});

// Each of these runs the wasm engine on in-memory PGlite in a child process (5–10 s each).
describe("diff and dev without a database server", () => {
  it(
    "exits 0 on the committed migrations",
    async () => {
      const r = await migrate(["diff"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
    },
    ENGINE_TIMEOUT,
  );

  it(
    "exits 2 and prints the missing SQL when the schema has a model no migration creates",
    async () => {
      const s = await scratch();
      await appendFile(s.schema, EXTRA_MODEL);
      const r = await migrate(["diff", "--schema", s.schema, "--migrations", s.migrations]);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain(`CREATE TABLE "MigrateTestExtra"`);
      await rm(s.dir, { recursive: true });
    },
    ENGINE_TIMEOUT,
  );

  it(
    "reports a migration that does not apply as one clear line, not a stack trace",
    async () => {
      const s = await scratch();
      await mkdir(path.join(s.migrations, "29990101000000_broken"));
      await writeFile(path.join(s.migrations, "29990101000000_broken/migration.sql"), "SELECT * FROM no_such_table;\n");
      const r = await migrate(["diff", "--schema", s.schema, "--migrations", s.migrations]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("29990101000000_broken");
      expect(r.stderr).not.toMatch(/\n\s+at /);
      await rm(s.dir, { recursive: true });
    },
    ENGINE_TIMEOUT,
  );

  it(
    "dev creates nothing when the schema has no change, and applies nothing without DATABASE_URL",
    async () => {
      const s = await scratch();
      const r = await migrate(["dev", "--name", "nothing", "--schema", s.schema, "--migrations", s.migrations]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("Nothing created");
      expect(r.stdout).toContain("nothing applied");
      expect((await readdir(s.migrations)).filter((d) => d.endsWith("_nothing"))).toHaveLength(0);
      await rm(s.dir, { recursive: true });
    },
    ENGINE_TIMEOUT,
  );
});

describe("bad input", () => {
  it("a DATABASE_URL that does not answer gives one clear line", async () => {
    const r = await migrate(["deploy"], { DATABASE_URL: "postgres://postgres@127.0.0.1:1/nianbao" });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("cannot connect to the database at postgres://postgres@127.0.0.1:1/nianbao");
    expect(r.stderr).toContain("npm run db:start");
  });

  it("a missing DATABASE_URL is named, the password never printed", async () => {
    const missing = await migrate(["status"], { DATABASE_URL: "" });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("DATABASE_URL is not set");
    const secret = await migrate(["status"], { DATABASE_URL: "postgres://u:hunter2@127.0.0.1:1/x" });
    expect(secret.stderr).not.toContain("hunter2");
  });

  it("reset refuses without --force; unknown commands show the usage", async () => {
    const r = await migrate(["reset"], { DATABASE_URL: "postgres://postgres@127.0.0.1:1/x" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("--force");
    const u = await migrate(["frobnicate"]);
    expect(u.code).toBe(1);
    expect(u.stderr).toContain("Usage:");
  });
});

/** One database to migrate, fresh for each suite. */
interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** The same behaviour on every kind of database. */
function databaseSuite(label: string, create: () => Promise<TestDatabase>) {
  describe(`deploy / status / dev / reset on ${label}`, () => {
    let db: TestDatabase;
    let s: Awaited<ReturnType<typeof scratch>>;
    const run = (args: string[]) => migrate([...args, "--schema", s.schema, "--migrations", s.migrations], { DATABASE_URL: db.url });

    beforeAll(async () => {
      db = await create();
      s = await scratch();
    }, DB_TIMEOUT);
    afterAll(async () => {
      await db?.drop();
      if (s) await rm(s.dir, { recursive: true });
    });

    it(
      "deploys all migrations; status then has nothing pending; a second deploy is a no-op",
      async () => {
        const before = await run(["status"]);
        expect(before.code).toBe(1);
        expect(before.stdout).toContain("PENDING");

        const first = await run(["deploy"]);
        expect(first.stderr).toBe("");
        expect(first.code).toBe(0);
        const names = (await readMigrations(s.migrations)).migrationDirectories.map((d) => d.path);
        expect(await historyNames(db.url)).toEqual(names);

        const status = await run(["status"]);
        expect(status.code).toBe(0);
        expect(status.stdout).not.toContain("PENDING");
        expect(status.stdout).toContain("up to date");

        const started = Date.now();
        const second = await run(["deploy"]);
        expect(second.code).toBe(0);
        expect(second.stdout).toContain("No pending migrations");
        expect(Date.now() - started).toBeLessThan(5000);
        expect(await historyNames(db.url)).toEqual(names);
      },
      DB_TIMEOUT,
    );

    it(
      "writes a history that Prisma's own engine reads as in sync, with the same checksums",
      async () => {
        const list = await readMigrations(s.migrations);
        const diagnosis = await withPgEngine(db.url, await readSchema(s.schema), (engine) =>
          engine.diagnoseMigrationHistory({ migrationsList: list, optInToShadowDatabase: false, filters: NO_FILTER }),
        );
        expect(diagnosis).toEqual({ editedMigrationNames: [], failedMigrationNames: [], hasMigrationsTable: true, history: null });
        const rows = await query<{ checksum: string; applied_steps_count: number; finished_at: Date | null }>(
          db.url,
          `SELECT checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY started_at`,
        );
        expect(rows.map((r) => r.checksum)).toEqual(localMigrations(list).map((m) => m.checksum));
        for (const r of rows) {
          expect(r.applied_steps_count).toBe(1);
          expect(r.finished_at).not.toBeNull();
        }
      },
      DB_TIMEOUT,
    );

    it(
      "refuses to deploy when an applied migration was edited (and Prisma's engine agrees it was)",
      async () => {
        const edited = await scratch();
        const [first] = (await readMigrations(edited.migrations)).migrationDirectories;
        await appendFile(path.join(edited.migrations, first!.path, "migration.sql"), "\n-- an afterthought\n");
        const args = ["--schema", edited.schema, "--migrations", edited.migrations];
        const deploy = await migrate(["deploy", ...args], { DATABASE_URL: db.url });
        expect(deploy.code).toBe(1);
        expect(deploy.stderr).toContain("changed after they were applied");
        expect(deploy.stderr).toContain(first!.path);
        const status = await migrate(["status", ...args], { DATABASE_URL: db.url });
        expect(status.code).toBe(1);
        expect(status.stdout).toContain(`EDITED   ${first!.path}`);
        const diagnosis = await withPgEngine(db.url, await readSchema(edited.schema), async (engine) =>
          engine.diagnoseMigrationHistory({
            migrationsList: await readMigrations(edited.migrations),
            optInToShadowDatabase: false,
            filters: NO_FILTER,
          }),
        );
        expect(diagnosis.editedMigrationNames).toEqual([first!.path]);
        await rm(edited.dir, { recursive: true });
      },
      DB_TIMEOUT,
    );

    it(
      "refuses when the database has a migration the folder lacks",
      async () => {
        const empty = await mkdtemp(path.join(os.tmpdir(), "migrate-test-empty-"));
        const r = await migrate(["deploy", "--schema", s.schema, "--migrations", empty], { DATABASE_URL: db.url });
        expect(r.code).toBe(1);
        expect(r.stderr).toContain("prisma/migrations does not");
        await rm(empty, { recursive: true });
      },
      DB_TIMEOUT,
    );

    it(
      "rolls a failing migration back completely and records nothing",
      async () => {
        const bad = await scratch();
        const name = "29990101000000_fails_halfway";
        await mkdir(path.join(bad.migrations, name));
        await writeFile(
          path.join(bad.migrations, name, "migration.sql"),
          `CREATE TABLE "HalfDone" ("id" INTEGER);\nINSERT INTO "NoSuchTable" VALUES (1);\n`,
        );
        const r = await migrate(["deploy", "--schema", bad.schema, "--migrations", bad.migrations], { DATABASE_URL: db.url });
        expect(r.code).toBe(1);
        expect(r.stderr).toContain(`Migration ${name} failed and was rolled back`);
        expect(r.stderr).toContain("line 2");
        expect(await historyNames(db.url)).not.toContain(name);
        expect(await query(db.url, `SELECT to_regclass('"HalfDone"') AS t`)).toEqual([{ t: null }]);
        await rm(bad.dir, { recursive: true });
      },
      DB_TIMEOUT,
    );

    it(
      "dev creates a migration for a schema change and applies it",
      async () => {
        await appendFile(s.schema, EXTRA_MODEL);
        const dev = await run(["dev", "--name", "add extra"]);
        expect(dev.stderr).toBe("");
        expect(dev.code).toBe(0);
        const created = (await readdir(s.migrations)).filter((d) => d.endsWith("_add_extra"));
        expect(created).toHaveLength(1);
        expect(await readFile(path.join(s.migrations, created[0]!, "migration.sql"), "utf8")).toContain(
          `CREATE TABLE "MigrateTestExtra"`,
        );
        expect(await historyNames(db.url)).toContain(created[0]);
        expect(await query(db.url, `SELECT count(*)::int AS n FROM "MigrateTestExtra"`)).toEqual([{ n: 0 }]);
        expect((await run(["status"])).code).toBe(0);
      },
      ENGINE_TIMEOUT,
    );

    it(
      "reset --force drops the data and re-applies every migration",
      async () => {
        await query(db.url, `INSERT INTO "MigrateTestExtra" ("label") VALUES ('to be dropped')`);
        const r = await run(["reset", "--force"]);
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        expect(await query(db.url, `SELECT count(*)::int AS n FROM "MigrateTestExtra"`)).toEqual([{ n: 0 }]);
        const names = (await readMigrations(s.migrations)).migrationDirectories.map((d) => d.path);
        expect(await historyNames(db.url)).toEqual(names);
        expect((await run(["status"])).code).toBe(0);
      },
      DB_TIMEOUT,
    );
  });
}

/** A fresh in-memory PGlite behind pglite-socket on 127.0.0.1, a free port. */
databaseSuite("PGlite over pglite-socket", async () => {
  const server: RunningServer = await startPgliteServer();
  return { url: server.url, drop: () => server.stop() };
});

/**
 * The driver-adapter (wasm) engine splits a script at every semicolon, dollar quotes or not, so it cannot apply a
 * migration with a PL/pgSQL body (the trigger functions); Prisma's native engine, which sends the script whole,
 * can. Such migrations are left to our deploy, on top of the history the engine wrote.
 */
function wasmEngineCanApply(sql: string): boolean {
  return ![...sql.matchAll(/\$fn\$([\s\S]*?)\$fn\$/g)].some((m) => m[1]!.includes(";"));
}

/** Prisma's engine writes a history that our status and deploy accept (the other direction of compatibility). */
describe("history written by Prisma's own engine", () => {
  it(
    "is read as up to date by status and deploy",
    async () => {
      const server = await startPgliteServer();
      try {
        const all = await readMigrations(MIGRATIONS);
        const firstUnsplittable = all.migrationDirectories.findIndex(
          (d) => d.migrationFile.content.tag === "ok" && !wasmEngineCanApply(d.migrationFile.content.value),
        );
        const byEngine = firstUnsplittable < 0 ? all.migrationDirectories : all.migrationDirectories.slice(0, firstUnsplittable);
        const applied = await withPgEngine(server.url, await readSchema(SCHEMA), async (engine) =>
          engine.applyMigrations({ migrationsList: { ...all, migrationDirectories: byEngine }, filters: NO_FILTER }),
        );
        expect(applied.appliedMigrationNames).toEqual(byEngine.map((d) => d.path));
        if (byEngine.length < all.migrationDirectories.length) {
          const first = await migrate(["deploy"], { DATABASE_URL: server.url });
          expect(first.code).toBe(0);
          for (const d of all.migrationDirectories.slice(byEngine.length)) expect(first.stdout).toContain(d.path);
        }
        const status = await migrate(["status"], { DATABASE_URL: server.url });
        expect(status.code).toBe(0);
        const deploy = await migrate(["deploy"], { DATABASE_URL: server.url });
        expect(deploy.stdout).toContain("No pending migrations");
      } finally {
        await server.stop();
      }
    },
    DB_TIMEOUT,
  );
});

/**
 * A real PostgreSQL when TEST_PG_URL (or the suite's TEST_DATABASE_URL, see scripts/test.sh) names a server where
 * we may create databases: a fresh database per run, dropped afterwards; the named database is not touched.
 */
const pgServer = process.env.TEST_PG_URL || process.env.TEST_DATABASE_URL;
if (pgServer) {
  databaseSuite("PostgreSQL (TEST_PG_URL)", async () => {
    const name = `nianbao_migrate_test_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    await query(pgServer, `CREATE DATABASE "${name}"`);
    const url = new URL(pgServer);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: async () => {
        await query(pgServer, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  });
} else {
  describe.skip("PostgreSQL (set TEST_PG_URL to a server where databases may be created)", () => {
    it("skipped", () => {});
  });
}
