// Crash safety: the server is killed (SIGKILL) in the middle of saves, submissions and review decisions, restarted,
// and the database must hold no partial report or revision, every acknowledged operation, and an audit trail that
// agrees with the states. The "server" is test/crash-worker.ts: the portal's server-side code paths (lib/db/reports.ts
// and lib/db/review.ts, which the server actions call) in several concurrent lanes, logging each operation before it
// starts and after it is acknowledged.
//   1. embedded database, the whole server killed: `with-db` (the database's owning process, as under `npm start`)
//      and the app process die together, the data folder is reopened by a new owner;
//   2. embedded database, only the app killed while the owner keeps serving (connections dropped mid-transaction);
//   3. PostgreSQL (when TEST_DATABASE_URL / TEST_PG_URL names a server), the app killed.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { allKeys, computeDerived, formatForYear, leafKeys, type CellMap } from "@/lib/format";
import { openEmbeddedDatabase, type EmbeddedDatabase } from "./embedded/owner";
import type { CrashConfig, LogLine } from "@/test/crash-worker";

type OpLine = Exclude<LogLine, { pid: number }>;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WORKER = path.join(ROOT, "test/crash-worker.ts");
const LANES = 4;
const YEARS = [2024, 2023, 2022, 2021, 2020, 2019];

async function query<T extends pg.QueryResultRow = any>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, values)).rows;
  } finally {
    await c.end();
  }
}

/** The migrations' SQL, in order (what `migrate deploy` runs, without spawning it: this test is about time). */
async function migrate(url: string): Promise<void> {
  const dir = path.join(ROOT, "prisma/migrations");
  const names = fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, "migration.sql"))).sort();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (const n of names) await c.query(fs.readFileSync(path.join(dir, n, "migration.sql"), "utf8"));
  } finally {
    await c.end();
  }
}

/** A county with one agency and one clerk per lane, and a supervisor of the county. */
async function makeCrashWorld(url: string): Promise<CrashConfig> {
  const s = randomUUID().replaceAll("-", "").slice(0, 10);
  const county = `97${String(Math.floor(Math.random() * 1e4)).padStart(4, "0")}`;
  await query(url, `INSERT INTO "Region" (code, name, level) VALUES ($1, $2, 3) ON CONFLICT (code) DO NOTHING`, [county, `崩溃测试县${s}`]);
  const supervisor = { id: `crash-sup-${s}`, role: "SUPERVISOR" as const, agencyId: null, regionCode: county };
  await query(url, `INSERT INTO "user" (id, name, email, role, "regionCode", "updatedAt") VALUES ($1, $1, $1 || '@t.invalid', 'SUPERVISOR', $2, now())`, [supervisor.id, county]);
  const lanes: CrashConfig["lanes"] = [];
  for (let n = 0; n < LANES; n++) {
    const [agency] = await query<{ id: number }>(url, `INSERT INTO "Agency" (name, kind, "regionCode") VALUES ($1, 'DEPARTMENT', $2) RETURNING id`, [`崩溃测试局${n}-${s}`, county]);
    const clerk = { id: `crash-clerk-${n}-${s}`, role: "CLERK" as const, agencyId: agency!.id, regionCode: null };
    await query(url, `INSERT INTO "user" (id, name, email, role, "agencyId", "updatedAt") VALUES ($1, $1, $1 || '@t.invalid', 'CLERK', $2, now())`, [clerk.id, agency!.id]);
    lanes.push({ agencyId: agency!.id, clerk });
  }
  return { lanes, supervisor, years: YEARS };
}

interface Running {
  child: ChildProcess;
  lines: OpLine[];
  workerPid: Promise<number>;
  exited: Promise<{ code: number | null; stderr: string }>;
}

/** Starts the worker (directly, or under `with-db` so that the process group holds the database's owner too). */
function startServer(config: CrashConfig, env: Record<string, string>, underWithDb: boolean): Running {
  const worker = [process.execPath, "--conditions=react-server", "--import", "tsx", WORKER];
  const cmd = underWithDb ? [process.execPath, "--import", "tsx", path.join(ROOT, "scripts/with-db.ts"), "--", ...worker] : worker;
  const child = spawn(cmd[0]!, cmd.slice(1), {
    cwd: ROOT,
    env: { ...process.env, ...env, CRASH_CONFIG: JSON.stringify(config) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: killing the group is killing the whole server
  });
  const lines: OpLine[] = [];
  let buffer = "";
  let resolvePid: (pid: number) => void;
  const workerPid = new Promise<number>((r) => (resolvePid = r));
  child.stdout!.on("data", (d: Buffer) => {
    buffer += d.toString();
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const text = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (!text.startsWith("{")) continue; // with-db's own messages
      const line = JSON.parse(text) as LogLine;
      if ("pid" in line) resolvePid!(line.pid);
      else lines.push(line);
    }
  });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; stderr: string }>((r) => child.on("exit", (code) => r({ code, stderr })));
  return { child, lines, workerPid, exited };
}

/** Waits until `acks` operations were acknowledged, then a little longer (so that others are in flight), then kills. */
async function runUntilKilled(server: Running, acks: number, kill: () => void): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (server.lines.filter((l) => l.phase === "ok").length < acks) {
    const done = await Promise.race([server.exited, new Promise((r) => setTimeout(r, 20, null))]);
    if (done) throw new Error(`the server stopped before it was killed: ${JSON.stringify(done)}`);
    if (Date.now() > deadline) throw new Error("the server made too little progress");
  }
  await new Promise((r) => setTimeout(r, 5 + Math.random() * 40));
  kill();
  await server.exited;
}

type ModelState = { exists: boolean; lockVersion: number; state: string; value: number | null };

/**
 * What each report may look like after the crash: the state after its last acknowledged operation, or after the
 * operation in flight (for a submission, also after its first transaction, the save, alone).
 */
function expectedStates(lines: OpLine[]): Map<number | string, ModelState[]> {
  const out = new Map<number | string, ModelState[]>();
  const byLane = new Map<number, OpLine[]>();
  for (const l of lines) byLane.set(l.lane, [...(byLane.get(l.lane) ?? []), l]);
  for (const [laneNo, laneLines] of byLane) {
    let current: ModelState | null = null;
    let reportId: number | null = null;
    for (let i = 0; i < laneLines.length; i++) {
      const l = laneLines[i]!;
      const acked = laneLines[i + 1]?.seq === l.seq && laneLines[i + 1]?.phase === "ok";
      if (l.phase === "ok") continue;
      const before: ModelState = l.op === "start" ? { exists: false, lockVersion: 0, state: "NONE", value: null } : current!;
      const after: ModelState[] =
        l.op === "start"
          ? [{ exists: true, lockVersion: 0, state: "DRAFT", value: null }]
          : l.op === "save"
            ? [{ ...before, lockVersion: before.lockVersion + 1, value: l.value }]
            : l.op === "submit"
              ? [
                  { ...before, lockVersion: before.lockVersion + 1, value: 0 },
                  { ...before, lockVersion: before.lockVersion + 2, value: 0, state: "SUBMITTED" },
                ]
              : [{ ...before, lockVersion: before.lockVersion + 1, state: l.op === "return" ? "RETURNED" : "PUBLISHED" }];
      if (acked) {
        current = after[after.length - 1]!;
        if (l.op === "start") reportId = (laneLines[i + 1] as { reportId: number }).reportId;
        out.set(reportId!, [current]);
      } else {
        // in flight when the server died: the last line of this lane
        expect(i).toBe(laneLines.length - 1);
        if (l.op === "start") out.set(`lane ${laneNo} year ${l.year}`, [before, ...after]);
        else out.set(reportId!, [before, ...after]);
      }
    }
  }
  return out;
}

/** Checks the database against the log and against itself. */
async function verify(url: string, config: CrashConfig, lines: OpLine[]) {
  const agencyIds = config.lanes.map((l) => l.agencyId);
  const reports = await query(
    url,
    `SELECT r.id, r."agencyId", r.year, r."formatVersion", r.status, r."publishedRevisionId", r."firstPublishedAt",
            v.id AS "revisionId", v.number, v.state, v."lockVersion", v.s1_overall, v."publishedAt",
            (SELECT count(*)::int FROM "ReportRevision" x WHERE x."reportId" = r.id) AS revisions,
            (SELECT count(*)::int FROM "ReviewComment" c WHERE c."revisionId" = v.id) AS comments
       FROM "Report" r JOIN "ReportRevision" v ON v."reportId" = r.id WHERE r."agencyId" = ANY($1) ORDER BY r.id`,
    [agencyIds],
  );
  // no report without its revision (startReport is one transaction)
  const bare = await query(url, `SELECT r.id FROM "Report" r WHERE r."agencyId" = ANY($1) AND NOT EXISTS (SELECT 1 FROM "ReportRevision" v WHERE v."reportId" = r.id)`, [agencyIds]);
  expect(bare).toEqual([]);
  const cells = await query<{ revisionId: number; key: string; value: string | null }>(
    url,
    `SELECT c."revisionId", c.key, c.value::text AS value FROM "Cell" c JOIN "ReportRevision" v ON v.id = c."revisionId" JOIN "Report" r ON r.id = v."reportId" WHERE r."agencyId" = ANY($1)`,
    [agencyIds],
  );
  const audit = await query<{ revisionId: number; action: string; to: string | null }>(
    url,
    `SELECT a."revisionId", a.action::text, a.detail->>'to' AS "to" FROM "AuditEvent" a JOIN "Report" r ON r.id = a."reportId" WHERE r."agencyId" = ANY($1) ORDER BY a.id`,
    [agencyIds],
  );
  const expected = expectedStates(lines);

  for (const r of reports) {
    const version = formatForYear(r.year);
    expect(r.revisions, `report ${r.id}`).toBe(1);
    // every cell of the revision is there, and all of them come from the same save
    const mine = cells.filter((c) => c.revisionId === r.revisionId);
    expect(mine.length, `report ${r.id} cells`).toBe(allKeys(version).length);
    const values: CellMap = Object.fromEntries(mine.map((c) => [c.key, c.value === null ? null : Number(c.value)]));
    const leaves = new Set(leafKeys(version).map((k) => values[k]));
    expect(leaves.size, `report ${r.id}: leaf cells from more than one save: ${[...leaves].join(", ")}`).toBe(1);
    const value = [...leaves][0]!;
    const derived = computeDerived(version, Object.fromEntries(leafKeys(version).map((k) => [k, values[k]!])));
    expect(values, `report ${r.id}: totals of another save`).toEqual(derived);
    // sections were written in the same transaction as the cells
    if (value !== null) expect(r.s1_overall).toBe(value === 0 ? "提交" : `第${value}次保存`);

    // the audit trail agrees with the state: one event per committed change, the last transition's target is the state
    const events = audit.filter((a) => a.revisionId === r.revisionId);
    expect(events.filter((e) => e.action === "CREATED")).toHaveLength(1);
    expect(events[0]!.action).toBe("CREATED");
    expect(r.lockVersion, `report ${r.id}: lock version vs audit trail`).toBe(events.length - 1);
    const transitions = events.filter((e) => ["SUBMITTED", "RETURNED", "PUBLISHED"].includes(e.action));
    expect(r.state).toBe(transitions.length ? transitions[transitions.length - 1]!.to : "DRAFT");
    expect(r.status).toBe(r.state);
    expect(r.comments).toBe(events.filter((e) => e.action === "RETURNED").length);
    if (r.state === "PUBLISHED") {
      expect(r.publishedRevisionId).toBe(r.revisionId);
      expect(r.firstPublishedAt).not.toBeNull();
      expect(r.publishedAt).not.toBeNull();
    } else expect(r.publishedRevisionId).toBeNull();

    // nothing acknowledged is lost; only the operation in flight may or may not have happened
    const candidates = expected.get(r.id);
    const lane = config.lanes.findIndex((l) => l.agencyId === r.agencyId);
    const fromStart = expected.get(`lane ${lane} year ${r.year}`);
    const allowed = candidates ?? fromStart;
    expect(allowed, `report ${r.id} is not in the log`).toBeDefined();
    expect(allowed!.filter((s) => s.exists !== false).map((s) => ({ lockVersion: s.lockVersion, state: s.state, value: s.value }))).toContainEqual({
      lockVersion: r.lockVersion,
      state: r.state,
      value,
    });
  }
  // every acknowledged report exists
  const ids = new Set(reports.map((r) => r.id));
  for (const key of expected.keys()) if (typeof key === "number") expect(ids.has(key), `acknowledged report ${key}`).toBe(true);

  // the region statistics kept by triggers still agree with the reports
  const county = config.supervisor.regionCode!;
  const [stat] = await query(url, `SELECT agencies, published FROM "RegionStat" WHERE code = $1`, [county]);
  const [count] = await query(
    url,
    `SELECT (SELECT count(*)::int FROM "Agency" WHERE "regionCode" = $1) AS agencies,
            (SELECT count(*)::int FROM "Report" r JOIN "Agency" a ON a.id = r."agencyId" WHERE a."regionCode" = $1 AND r."publishedRevisionId" IS NOT NULL) AS published`,
    [county],
  );
  expect(stat).toEqual(count);
  return { reports: reports.length, acknowledged: lines.filter((l) => l.phase === "ok").length, inFlight: [...expected.values()].filter((c) => c.length > 1).length };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-crash-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("crash safety, embedded database", () => {
  const dir = path.join(tmp, "pglite");
  let owner: EmbeddedDatabase | null = null;
  let config: CrashConfig;
  let firstLines: OpLine[] = [];
  afterAll(async () => {
    await owner?.close();
  });

  it("survives the whole server (database owner and app) killed mid-write", { timeout: 120_000 }, async () => {
    owner = await openEmbeddedDatabase({ dir });
    await migrate(owner.url);
    config = await makeCrashWorld(owner.url);
    await owner.close();
    owner = null;

    const server = startServer(config, { PGLITE_DIR: dir, DATABASE_URL: "" }, true);
    await runUntilKilled(server, 25, () => process.kill(-server.child.pid!, "SIGKILL"));

    // restart: a new owner takes over the dead one's lock and recovers the folder
    owner = await openEmbeddedDatabase({ dir });
    const result = await verify(owner.url, config, server.lines);
    expect(result.reports).toBeGreaterThanOrEqual(LANES);
    expect(result.acknowledged).toBeGreaterThanOrEqual(25);
    expect(result.inFlight).toBe(LANES); // every lane had an operation under way when the server died
    firstLines = server.lines;
  });

  it("survives the app killed while the database owner keeps serving", { timeout: 120_000 }, async () => {
    // the same folder after its recovery, new lanes: the owner must roll back what the dead connections left open
    const url = owner!.url;
    const config2 = await makeCrashWorld(url);
    const server = startServer(config2, { DATABASE_URL: url }, false);
    await runUntilKilled(server, 20, () => process.kill(-server.child.pid!, "SIGKILL"));
    expect((await verify(url, config2, server.lines)).inFlight).toBe(LANES);
    // and the first crash's reports are still exactly as they were verified
    await verify(url, config, firstLines);
  });
});

const pgServer = process.env.TEST_PG_URL || process.env.TEST_DATABASE_URL;
describe.runIf(pgServer)("crash safety, PostgreSQL", () => {
  it("survives the app killed mid-write", { timeout: 120_000 }, async () => {
    const name = `nianbao_crash_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    await query(pgServer!, `CREATE DATABASE "${name}"`);
    const u = new URL(pgServer!);
    u.pathname = `/${name}`;
    const url = u.toString();
    try {
      await migrate(url);
      const config = await makeCrashWorld(url);
      const server = startServer(config, { DATABASE_URL: url }, false);
      await runUntilKilled(server, 25, () => process.kill(-server.child.pid!, "SIGKILL"));
      const result = await verify(url, config, server.lines);
      expect(result.reports).toBeGreaterThanOrEqual(LANES);
      expect(result.inFlight).toBe(LANES);
    } finally {
      await query(pgServer!, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
});
