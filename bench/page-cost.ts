/**
 * Server-side data cost of the public report, agency and region pages at 1,000, 10,000 and 100,000 reports, on the
 * embedded database and on PostgreSQL, side by side; then EXPLAIN (ANALYZE, BUFFERS) of the slowest statements at
 * the largest size. A page's cost should not grow with the data: the same report, agency and region are timed in
 * every database (the national data set of scripts/bench-data.ts is deterministic and a smaller one is a prefix of
 * a larger one, so 白城市洮北区人民政府 and its 2020 report are in all of them).
 *
 *   npm run bench:pages -- [--sizes 1000,10000,100000] [--db embedded,postgresql] [--runs 30] [--explain 4] [--dir tmp/bench]
 *
 * Each page's work is the query functions the page calls (lib/db/queries/*), in the page's order — generateMetadata's
 * calls, then the page's — through the app's own Prisma client, timed over --runs runs after 3 warm-up runs
 * (median and p95). Every SQL statement is timed too (by wrapping node-postgres), which is where the EXPLAINs come from.
 *
 * Databases are kept under --dir and reused: PostgreSQL as databases nb_<size> of a private server in <dir>/pg
 * (Debian's /usr/lib/postgresql/<v>/bin, like scripts/test-postgres.sh), the embedded one as <dir>/pglite-<size>.
 * A database that does not hold exactly <size> reports is migrated and (re)filled with scripts/bench-data.ts, which
 * takes minutes at 100,000 (see docs/performance.md); pending migrations are applied every time.
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startPrivatePostgres, type PrivatePostgres } from "../scripts/lib/private-postgres";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const self = fileURLToPath(import.meta.url);

const { values: args } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000,100000" },
    db: { type: "string", default: "embedded,postgresql" },
    runs: { type: "string", default: "30" },
    explain: { type: "string", default: "4" },
    dir: { type: "string", default: "tmp/bench" },
    worker: { type: "string" },
    size: { type: "string" },
  },
});

interface Stat {
  medianMs: number;
  p95Ms: number;
}

interface StatementStat extends Stat {
  page: string;
  sql: string;
  values: unknown[];
  calls: number;
}

interface WorkerResult {
  size: number;
  counts: { agencies: number; reports: number; revisions: number; cells: number };
  pages: { name: string; detail: string; stat: Stat; statements: number }[];
  statements: StatementStat[];
  explains: { page: string; sql: string; medianMs: number; plan: string }[];
}

function stat(times: number[]): Stat {
  const s = [...times].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  const r = (x: number) => Math.round(x * 100) / 100;
  return { medianMs: r(q(0.5)), p95Ms: r(q(0.95)) };
}

// ---------------------------------------------------------------------------------------------------------------
// worker: runs inside one database's environment (DATABASE_URL set), prints one JSON line

interface Captured {
  sql: string;
  values: unknown[];
  ms: number;
}

/** Times every statement node-postgres sends (the Prisma adapter and raw queries both go through Client.query). */
async function captureStatements(): Promise<{ take(): Captured[] }> {
  const pg = (await import("pg")).default;
  let log: Captured[] = [];
  const original = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: unknown, ...a: unknown[]) {
    const first = a[0] as string | { text: string; values?: unknown[] };
    const sql = typeof first === "string" ? first : first.text;
    const values = (typeof first === "string" ? (Array.isArray(a[1]) ? a[1] : []) : (first.values ?? (Array.isArray(a[1]) ? a[1] : []))) as unknown[];
    const started = performance.now();
    const record = () => log.push({ sql, values, ms: performance.now() - started });
    const cb = a[a.length - 1];
    if (typeof cb === "function") {
      a[a.length - 1] = (...r: unknown[]) => {
        record();
        return (cb as (...x: unknown[]) => unknown)(...r);
      };
      return original.apply(this, a);
    }
    const out = original.apply(this, a);
    if (out && typeof (out as Promise<unknown>).then === "function") (out as Promise<unknown>).then(record, record);
    return out;
  } as typeof pg.Client.prototype.query;
  return {
    take() {
      const out = log;
      log = [];
      return out;
    },
  };
}

async function ensureFilled(url: string, size: number): Promise<void> {
  const run = (script: string, extra: string[]) => {
    const res = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, script), ...extra], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", process.stderr, process.stderr],
    });
    if (res.status !== 0) throw new Error(`${script} ${extra.join(" ")} failed (exit ${res.status})`);
  };
  run("scripts/migrate.ts", ["deploy"]);
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const held = Number((await client.query(`SELECT count(*)::int AS n FROM "Report"`)).rows[0].n);
  await client.end();
  if (held === size) return;
  process.stderr.write(`[bench] filling with ${size} reports (the database held ${held})\n`);
  run("scripts/bench-data.ts", ["--reports", String(size), "--reset"]);
}

async function worker(size: number): Promise<WorkerResult> {
  const url = process.env.DATABASE_URL!;
  await ensureFilled(url, size);
  const capture = await captureStatements();
  const { db, disconnect } = await import("../lib/db/client");
  const pub = await import("../lib/db/queries/public");
  const { getRevisionCells } = await import("../lib/db/queries/cells");
  const runs = Math.max(1, Number(args.runs));

  const counts = (
    await db().$queryRaw<{ agencies: number; reports: number; revisions: number; cells: number }[]>`
      SELECT (SELECT count(*)::int FROM "Agency") AS agencies, (SELECT count(*)::int FROM "Report") AS reports,
             (SELECT count(*)::int FROM "ReportRevision") AS revisions,
             (SELECT reltuples::bigint::int FROM pg_class WHERE relname = 'Cell') AS cells`
  )[0]!;
  const agency = await db().agency.findFirstOrThrow({ where: { regionCode: "220802", name: "白城市洮北区人民政府" }, select: { id: true, name: true } });
  const report = await db().report.findUniqueOrThrow({ where: { agencyId_year: { agencyId: agency.id, year: 2020 } }, select: { id: true } });

  // The pages' data work, call for call. generateMetadata's call to the same loader is shared with the page's
  // through React's cache() (lib/db/queries/public.ts), so it costs nothing more and is not repeated here.
  const reportPage = async (id: number) => {
    const found = await pub.getPublishedReport(id);
    if (!found) throw new Error(`report ${id} is not published`);
    await Promise.all([getRevisionCells(found.revision.id), pub.getRegionWithAncestors(found.report.agency.regionCode)]);
  };
  const agencyPage = async (id: number) => {
    const a = await pub.getAgencyPublic(id);
    if (!a) throw new Error(`agency ${id} not found`);
    await pub.getRegionWithAncestors(a.regionCode);
  };
  const regionPage = async (code: string) => {
    const found = await pub.getRegionWithAncestors(code);
    if (!found) throw new Error(`region ${code} not found`);
    await Promise.all([
      found.region.level < 4 ? pub.listChildRegions(found.region) : Promise.resolve([]),
      pub.listRegionAgencies(code),
      pub.publishedPerYear(code),
    ]);
  };
  const pages: { name: string; detail: string; fn: () => Promise<unknown> }[] = [
    { name: "report /reports/[id]", detail: `${agency.name} 2020`, fn: () => reportPage(report.id) },
    { name: "agency /agencies/[id]", detail: agency.name, fn: () => agencyPage(agency.id) },
    { name: "region /regions/220802 (county)", detail: "洮北区", fn: () => regionPage("220802") },
    { name: "region /regions/2208 (prefecture)", detail: "白城市", fn: () => regionPage("2208") },
    { name: "region /regions/22 (province)", detail: "吉林省", fn: () => regionPage("22") },
    { name: "regions /regions (all provinces)", detail: "", fn: () => pub.listChildRegions(null) },
  ];

  const out: WorkerResult = { size, counts, pages: [], statements: [], explains: [] };
  for (const page of pages) {
    for (let i = 0; i < 3; i++) await page.fn();
    capture.take();
    const times: number[] = [];
    const bySql = new Map<string, { values: unknown[]; ms: number[] }>();
    let statements = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await page.fn();
      times.push(performance.now() - t);
      const taken = capture.take();
      statements = taken.length;
      for (const c of taken) {
        const e = bySql.get(c.sql) ?? { values: c.values, ms: [] };
        e.ms.push(c.ms);
        bySql.set(c.sql, e);
      }
    }
    out.pages.push({ name: page.name, detail: page.detail, stat: stat(times), statements });
    for (const [sql, e] of bySql) out.statements.push({ page: page.name, sql, values: e.values, calls: e.ms.length / runs, ...stat(e.ms) });
    process.stderr.write(`[bench] ${size}: ${page.name} median ${stat(times).medianMs} ms\n`);
  }

  // EXPLAIN the slowest statements (by median), with the parameters they ran with
  const slowest = [...out.statements].sort((a, b) => b.medianMs - a.medianMs).slice(0, Math.max(0, Number(args.explain)));
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const s of slowest) {
    const res = await client.query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, values: s.values as unknown[] });
    out.explains.push({ page: s.page, sql: s.sql, medianMs: s.medianMs, plan: res.rows.map((r) => r["QUERY PLAN"]).join("\n") });
  }
  await client.end();
  await disconnect();
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// orchestration

function runWorker(size: number, env: NodeJS.ProcessEnv, wrapEmbedded: boolean): WorkerResult | null {
  // lib/db/client imports "server-only", which resolves to an empty module under the react-server condition
  const workerCmd = [process.execPath, "--conditions=react-server", "--import", "tsx", self, ...process.argv.slice(2), "--worker", "1", "--size", String(size)];
  const cmd = wrapEmbedded ? [process.execPath, "--import", "tsx", path.join(ROOT, "scripts/with-db.ts"), "--", ...workerCmd] : workerCmd;
  const res = spawnSync(cmd[0]!, cmd.slice(1), {
    cwd: ROOT,
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 256 * 1024 * 1024,
  });
  if (res.status !== 0) {
    console.error(`${size} reports: the benchmark failed (exit ${res.status}).`);
    return null;
  }
  return JSON.parse(res.stdout.trim().split("\n").pop()!) as WorkerResult;
}

function fmt(s: Stat | undefined): string {
  return s ? `${s.medianMs.toFixed(1)} / ${s.p95Ms.toFixed(1)}` : "—";
}

function printTable(label: string, results: WorkerResult[]) {
  const sizes = results.map((r) => r.size);
  const w0 = 36;
  const w = 16;
  console.log(`\n${label}: server data time per page, median / p95 ms (${args.runs} runs after 3 warm-up runs)\n`);
  console.log("".padEnd(w0) + sizes.map((s) => `${s.toLocaleString("en-US")} reports`.padStart(w)).join(""));
  console.log(
    "  (agencies / cells)".padEnd(w0) +
      results.map((r) => `${r.counts.agencies.toLocaleString("en-US")} / ${(r.counts.cells / 1e6).toFixed(1)}M`.padStart(w)).join(""),
  );
  for (const page of results[0]!.pages) {
    console.log(
      page.name.padEnd(w0) + results.map((r) => fmt(r.pages.find((p) => p.name === page.name)?.stat).padStart(w)).join("") + `   (${page.statements} statements)`,
    );
  }
  const last = results[results.length - 1]!;
  console.log(`\nStatements per page at ${last.size.toLocaleString("en-US")} reports (median ms × calls per page view):`);
  for (const page of last.pages) {
    console.log(`  ${page.name}`);
    for (const st of last.statements.filter((x) => x.page === page.name)) {
      console.log(`    ${st.medianMs.toFixed(2).padStart(7)} × ${st.calls}  ${st.sql.replace(/\s+/g, " ").replace(/"public"\./g, "").slice(0, 110)}`);
    }
  }
  console.log(`\nSlowest statements at ${last.size.toLocaleString("en-US")} reports, EXPLAIN (ANALYZE, BUFFERS):`);
  for (const e of last.explains) {
    console.log(`\n-- ${e.page}: median ${e.medianMs.toFixed(2)} ms\n${e.sql.replace(/\s+/g, " ").slice(0, 600)}\n${e.plan}`);
  }
}

async function main() {
  if (args.worker) {
    const result = await worker(Number(args.size));
    process.stdout.write(`\n${JSON.stringify(result)}\n`);
    return;
  }
  const sizes = args.sizes.split(",").map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--sizes: whole numbers, e.g. 1000,10000,100000`);
  const kinds = args.db.split(",").map((s) => s.trim());
  const dir = path.resolve(ROOT, args.dir);
  const cpu = os.cpus();
  console.log(
    `Page cost benchmark — ${new Date().toISOString().slice(0, 10)}, ${cpu.length} × ${cpu[0]?.model ?? "CPU"}, ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`,
  );

  for (const kind of kinds) {
    const results: WorkerResult[] = [];
    if (kind === "postgresql") {
      let server: PrivatePostgres | null = null;
      try {
        server = await startPrivatePostgres(path.join(dir, "pg"));
        const pg = (await import("pg")).default;
        const admin = new pg.Client({ connectionString: server.adminUrl });
        await admin.connect();
        const version = (await admin.query("SHOW server_version")).rows[0].server_version;
        for (const size of sizes) {
          const name = `nb_${size}`;
          const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
          if (!exists.rowCount) await admin.query(`CREATE DATABASE "${name}"`);
        }
        await admin.end();
        console.log(`PostgreSQL ${version}: private server in ${path.relative(ROOT, dir)}/pg`);
        for (const size of sizes) {
          const r = runWorker(size, { ...process.env, DATABASE_URL: server.urlOf(`nb_${size}`) }, false);
          if (r) results.push(r);
        }
      } finally {
        server?.stop();
      }
      if (results.length) printTable(`PostgreSQL`, results);
    } else if (kind === "embedded") {
      for (const size of sizes) {
        const env = { ...process.env, DATABASE_URL: "", PGLITE_DIR: path.join(dir, `pglite-${size}`), PGLITE_PORT: "" };
        const r = runWorker(size, env, true);
        if (r) results.push(r);
      }
      if (results.length) printTable(`Embedded (PGlite, served by its owner process)`, results);
    } else {
      throw new Error(`--db: embedded or postgresql, not ${kind}`);
    }
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
