// Backup and restore (scripts/backup.ts, scripts/restore.ts) as an operator runs them: fill a database with reports,
// revisions, cells, review comments, accounts and audit events, back it up, wipe it, restore it, and find every row
// of every table again (count and checksum per table, the sequences, the triggers).
//   - the embedded database always: backed up online through a running owner and offline under the folder's lock;
//   - PostgreSQL when TEST_PG_URL (or the suite's TEST_DATABASE_URL, see scripts/test.sh) names a server where
//     databases may be created, with Debian's pg_dump/pg_restore/psql.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEmbeddedDatabase, type EmbeddedDatabase } from "../lib/db/embedded/owner";
import { generateDemo } from "../lib/demo/generate";
import { loadSamples } from "../lib/demo/samples";
import { writeDemo } from "../lib/demo/write";
import { loadRegions } from "../lib/regions/load";
import { buildRegionRows } from "../lib/regions/source";
import { pgToolsAvailable } from "./lib/backup";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const STEP = 120_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function script(name: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "scripts", name), ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: "", ...env }, timeout: STEP },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === "number" ? err.code : -1) : 0, stdout, stderr }),
    );
  });
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Migrations, a slice of the region tree, demo agencies with their reports (corrections, drafts, audit trail),
 *  an account with a session and a review comment. */
async function fill(url: string): Promise<void> {
  const migrated = await script("migrate.ts", ["deploy"], { DATABASE_URL: url });
  expect(migrated.code, migrated.stderr).toBe(0);
  await withClient(url, async (c) => {
    const ds = generateDemo({ agencies: 25, samples: loadSamples() });
    await loadRegions(c, { rows: buildRegionRows({ only: [...new Set(ds.agencies.map((a) => a.regionCode))] }) });
    await writeDemo(c, ds);
    await c.query(`INSERT INTO "user" (id, name, email, role, "regionCode", "updatedAt") VALUES ('u-backup', '审核人', 'b@t.invalid', 'SUPERVISOR', '22', now())`);
    await c.query(`INSERT INTO "session" (id, "expiresAt", token, "updatedAt", "userId") VALUES ('s-backup', now() + interval '1 day', 'tok-backup', now(), 'u-backup')`);
    await c.query(
      `INSERT INTO "ReviewComment" ("revisionId", section, body, "authorId", round) SELECT id, 's3_requests', '请核对申请数据。', 'u-backup', 1 FROM "ReportRevision" ORDER BY id LIMIT 3`,
    );
  });
}

/** Every table's row count and a checksum of its rows, every sequence's position, the triggers. */
async function digest(url: string) {
  return withClient(url, async (c) => {
    const tables = (await c.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).rows.map((r) => r.tablename as string);
    const out: Record<string, unknown> = {};
    for (const t of tables) {
      const r = await c.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS h FROM "${t}" x`);
      out[t] = r.rows[0];
    }
    out.sequences = (await c.query(`SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`)).rows;
    out.triggers = (await c.query(`SELECT tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND NOT t.tgisinternal ORDER BY 1`)).rows.map((r) => r.tgname);
    return out as Record<string, { n: number; h: string }> & { sequences: unknown[]; triggers: string[] };
  });
}

function expectFilled(d: Awaited<ReturnType<typeof digest>>) {
  for (const t of ["Agency", "Report", "ReportRevision", "Cell", "AuditEvent", "ReviewComment", "user", "session", "RegionStat", "_prisma_migrations"]) {
    expect(d[t]?.n, t).toBeGreaterThan(0);
  }
  expect(d.Cell!.n).toBeGreaterThan(10_000);
  expect(d.triggers.length).toBeGreaterThan(5);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-backup-test-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("embedded database", () => {
  const dir = path.join(tmp, "pglite");
  let owner: EmbeddedDatabase | null = null;
  let before: Awaited<ReturnType<typeof digest>>;

  beforeAll(async () => {
    owner = await openEmbeddedDatabase({ dir });
    await fill(owner.url);
    before = await digest(owner.url);
    expectFilled(before);
  }, 300_000);
  afterAll(async () => {
    await owner?.close();
  });

  it("backs up online through the running owner; after a wipe the restore brings back every row", { timeout: 300_000 }, async () => {
    const file = path.join(tmp, "online.tar.gz");
    // the owner is this test process, as `npm start` would be: the backup goes through it
    const backup = await script("backup.ts", ["--out", file], { PGLITE_DIR: dir });
    expect(backup.stdout + backup.stderr).toContain("through the running owner");
    expect(backup.code).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(100_000);
    // the owner serves on unharmed afterwards
    expect(await digest(owner!.url)).toEqual(before);

    // wipe: everything dropped, as `npm run db:reset` would
    await withClient(owner!.url, (c) => c.query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public`));
    expect(Object.keys(await digest(owner!.url)).filter((k) => k !== "sequences" && k !== "triggers")).toEqual([]);

    // not underneath a running owner
    const refused = await script("restore.ts", [file, "--force"], { PGLITE_DIR: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`already open in process ${process.pid}`);

    await owner!.close();
    owner = null;
    const restored = await script("restore.ts", [file, "--force"], { PGLITE_DIR: dir });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/kept as .*before-restore/);
    expect(restored.stdout).toContain(`${before.Report!.n} Report`);
    owner = await openEmbeddedDatabase({ dir });
    expect(await digest(owner.url)).toEqual(before);
  });

  it("backs up offline under the folder's lock, and restores into another folder", { timeout: 300_000 }, async () => {
    await owner?.close();
    owner = null;
    const file = path.join(tmp, "offline.tar.gz");
    const backup = await script("backup.ts", ["--out", file], { PGLITE_DIR: dir });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain("folder locked");
    const elsewhere = path.join(tmp, "elsewhere");
    const restored = await script("restore.ts", [file, "--force"], { PGLITE_DIR: elsewhere });
    expect(restored.code, restored.stderr).toBe(0);
    const copy = await openEmbeddedDatabase({ dir: elsewhere });
    try {
      expect(await digest(copy.url)).toEqual(before);
    } finally {
      await copy.close();
    }
  });

  it("refuses a restore without --force, of the wrong kind, or of something that is not a backup", async () => {
    const file = path.join(tmp, "offline.tar.gz");
    const noForce = await script("restore.ts", [file], { PGLITE_DIR: dir });
    expect(noForce.code).toBe(1);
    expect(noForce.stderr).toContain("--force");
    const wrongKind = await script("restore.ts", [file, "--force"], { DATABASE_URL: "postgres://u:secret@127.0.0.1:1/x" });
    expect(wrongKind.code).toBe(1);
    expect(wrongKind.stderr).toContain("is a backup of the embedded database");
    expect(wrongKind.stderr).not.toContain("secret");
    const junk = path.join(tmp, "junk.bin");
    fs.writeFileSync(junk, "not a backup");
    const notBackup = await script("restore.ts", [junk, "--force"], { PGLITE_DIR: dir });
    expect(notBackup.code).toBe(1);
    expect(notBackup.stderr).toContain("is not a nianbao backup");
  });
});

const pgServer = process.env.TEST_PG_URL || process.env.TEST_DATABASE_URL;
describe.runIf(pgServer && pgToolsAvailable())("PostgreSQL (pg_dump / pg_restore)", () => {
  const name = `nianbao_backup_test_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  let url: string;
  let before: Awaited<ReturnType<typeof digest>>;

  beforeAll(async () => {
    await withClient(pgServer!, (c) => c.query(`CREATE DATABASE "${name}"`));
    const u = new URL(pgServer!);
    u.pathname = `/${name}`;
    url = u.toString();
    await fill(url);
    before = await digest(url);
    expectFilled(before);
  }, 300_000);
  afterAll(async () => {
    if (pgServer) await withClient(pgServer, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });

  it("backs up, wipes, restores and finds every row again; a damaged dump changes nothing", { timeout: 300_000 }, async () => {
    const file = path.join(tmp, "pg.dump");
    const backup = await script("backup.ts", ["--out", file], { DATABASE_URL: url });
    expect(backup.code, backup.stderr).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe("PGDMP");

    await withClient(url, (c) => c.query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public`));
    const restored = await script("restore.ts", [file, "--force"], { DATABASE_URL: url });
    expect(restored.code, restored.stderr).toBe(0);
    expect(await digest(url)).toEqual(before);

    // a truncated dump fails as a whole: the database keeps what it had
    const damaged = path.join(tmp, "damaged.dump");
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const failed = await script("restore.ts", [damaged, "--force"], { DATABASE_URL: url });
    expect(failed.code).toBe(1);
    expect(await digest(url)).toEqual(before);
  });
});
