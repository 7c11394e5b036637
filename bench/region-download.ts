/**
 * The region-year downloads at volume: rate and peak memory of the CSV (and the JSON and XLSX) of every published
 * report of one region and year, through the real route handler (app/(public)/regions/[code]/download/[format]), and
 * the ratio to `psql \copy` of the same reports' rows.
 *
 *   npx tsx scripts/with-db.ts -- npx tsx bench/region-download.ts [--reports 30000] [--formats csv,json,xlsx]
 *                                                                  [--heap-cap MB]
 *
 * Run it on a THROWAWAY database: it adds a bench region 98 (基准测试省) with `--reports` agencies under one county,
 * each with a published 2024 report (once; later runs reuse it). The cells are the real 2021-format sample report
 * (town-2022) times a factor 1–7 per report: every total still balances, since the derived cells are sums.
 * With BENCH_DATABASE_URL set to a (throwaway) PostgreSQL database the same runs there too.
 *
 * Each measurement runs in a fresh child process (node --conditions=react-server, as the server runs), which samples
 * its own RSS and V8 heap every 10 ms while it reads the response body to the end.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const self = fileURLToPath(import.meta.url);
const { values: args } = parseArgs({
  options: {
    reports: { type: "string", default: "30000" },
    formats: { type: "string", default: "csv,json,xlsx" },
    worker: { type: "string" },
    "heap-cap": { type: "string" },
  },
});

const REGION = { province: "98", prefecture: "9801", county: "980101" };
const YEAR = 2024;

interface Measure {
  format: string;
  reports: number;
  bytes: number;
  seconds: number;
  peakRssMb: number;
  peakHeapMb: number;
  baseRssMb: number;
  baseHeapMb: number;
}

const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;

/** Creates the bench region and its reports in bulk (SQL INSERT … SELECT), unless they are there already. */
async function fill(url: string, count: number): Promise<string> {
  const pg = (await import("pg")).default;
  const { loadSamples } = await import("../lib/demo/samples");
  const template = loadSamples().find((s) => s.formatVersion === "2021");
  if (!template) throw new Error("no 2021-format sample report");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const have = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM "Report" r JOIN "Agency" a ON a.id = r."agencyId" WHERE a."regionCode" = $1 AND r.year = $2 AND r."publishedRevisionId" IS NOT NULL`,
      [REGION.county, YEAR],
    );
    const n = Number(have.rows[0]!.n);
    if (n >= count) return `reusing ${n} published ${YEAR} reports in region ${REGION.county}`;
    if (n > 0) throw new Error(`region ${REGION.county} holds ${n} reports, fewer than ${count}: use a fresh database`);
    const started = performance.now();
    const keys = Object.keys(template.cells);
    const values = keys.map((k) => template.cells[k]);
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "Region"(code, name, level, "parentCode") VALUES ($1, '基准测试省', 1, NULL), ($2, '基准测试市', 2, $1), ($3, '基准测试县', 3, $2)
       ON CONFLICT (code) DO NOTHING`,
      [REGION.province, REGION.prefecture, REGION.county],
    );
    await client.query(
      `INSERT INTO "Agency"(name, kind, "regionCode") SELECT '基准测试县第' || g || '局', 'DEPARTMENT', $1 FROM generate_series(1, $2::int) g`,
      [REGION.county, count],
    );
    await client.query(
      `INSERT INTO "Report"("agencyId", year, "formatVersion", scope, status, "firstPublishedAt", "updatedAt")
       SELECT id, $2, '2021', 'OWN', 'PUBLISHED', timestamp '2025-01-20 02:00' + (id % 600) * interval '1 minute', now()
       FROM "Agency" WHERE "regionCode" = $1`,
      [REGION.county, YEAR],
    );
    await client.query(
      `INSERT INTO "ReportRevision"("reportId", number, state, s1_overall, s2_active, s3_requests, "s4_reviewLitigation", s5_problems, s6_other,
                                    "submittedAt", "publishedAt", "updatedAt")
       SELECT r.id, 1, 'PUBLISHED', $3, $4, $5, $6, $7, $8, r."firstPublishedAt" - interval '1 day', r."firstPublishedAt", now()
       FROM "Report" r JOIN "Agency" a ON a.id = r."agencyId" WHERE a."regionCode" = $1 AND r.year = $2`,
      // the narrative is not part of these downloads: its first lines are enough, and keep the fill (and the search
      // index it feeds) quick
      [REGION.county, YEAR, ...Object.values(template.sections).map((t) => t.slice(0, 200))],
    );
    await client.query(
      `UPDATE "Report" r SET "publishedRevisionId" = v.id FROM "ReportRevision" v, "Agency" a
       WHERE v."reportId" = r.id AND a.id = r."agencyId" AND a."regionCode" = $1 AND r.year = $2`,
      [REGION.county, YEAR],
    );
    await client.query(
      `INSERT INTO "Cell"("revisionId", key, value)
       SELECT r."publishedRevisionId", t.key, t.value * (r.id % 7 + 1)
       FROM "Report" r JOIN "Agency" a ON a.id = r."agencyId"
       CROSS JOIN unnest($3::text[], $4::numeric[]) AS t(key, value)
       WHERE a."regionCode" = $1 AND r.year = $2`,
      [REGION.county, YEAR, keys, values],
    );
    await client.query("COMMIT");
    await client.query(`ANALYZE "Agency", "Report", "ReportRevision", "Cell"`);
    return `filled ${count} reports × ${keys.length} cells in ${((performance.now() - started) / 1000).toFixed(1)} s`;
  } finally {
    await client.end();
  }
}

/** One download through the route handler, read to the end, with memory sampled meanwhile. */
async function measure(format: string): Promise<Measure> {
  const { GET } = await import("../app/(public)/regions/[code]/download/[format]/route");
  global.gc?.();
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const baseHeap = process.memoryUsage().heapUsed;
  let peakHeap = baseHeap;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 10);
  const started = performance.now();
  const res = await GET(new Request(`http://bench/regions/${REGION.county}/download/${format}?year=${YEAR}`), {
    params: Promise.resolve({ code: REGION.county, format }),
  });
  if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  let bytes = 0;
  let newlines = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (format === "csv") for (const b of value) if (b === 10) newlines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  const { db } = await import("../lib/db/client");
  const reports = Number(
    (await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Report" r JOIN "Agency" a ON a.id = r."agencyId"
      WHERE a."regionCode" = ${REGION.county} AND r.year = ${YEAR} AND r."publishedRevisionId" IS NOT NULL`)[0]!.n,
  );
  if (format === "csv" && newlines !== reports + 2) throw new Error(`CSV has ${newlines} lines, expected ${reports} reports + 2 header rows`);
  return { format, reports, bytes, seconds, peakRssMb: mb(peakRss), peakHeapMb: mb(peakHeap), baseRssMb: mb(baseRss), baseHeapMb: mb(baseHeap) };
}

/** `psql \copy` of the same reports' rows: one line per report and cell (agency, meta, key, value). */
function psqlCopy(url: string): { seconds: number; bytes: number; lines: number } | { error: string } {
  const out = path.join(os.tmpdir(), `nianbao-bench-copy-${process.pid}.csv`);
  const sql =
    `\\copy (SELECT a.name, a."regionCode", r.year, r."formatVersion", r.scope, r."firstPublishedAt", c.key, c.value ` +
    `FROM "Report" r JOIN "Agency" a ON a.id = r."agencyId" JOIN "Cell" c ON c."revisionId" = r."publishedRevisionId" ` +
    `WHERE a."regionCode" >= '${REGION.county}' AND a."regionCode" <= '${REGION.county}~' AND r.year = ${YEAR} ` +
    `ORDER BY r.id, c.key) TO '${out}' WITH (FORMAT csv)`;
  const started = performance.now();
  const res = spawnSync("psql", [url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql], { encoding: "utf8" });
  const seconds = (performance.now() - started) / 1000;
  if (res.status !== 0) return { error: (res.stderr || res.error?.message || "psql failed").trim().split("\n")[0]! };
  const bytes = fs.statSync(out).size;
  let lines = 0;
  const fd = fs.openSync(out, "r");
  const buf = Buffer.alloc(1 << 20);
  for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) for (let i = 0; i < n; i++) if (buf[i] === 10) lines++;
  fs.closeSync(fd);
  fs.rmSync(out);
  return { seconds, bytes, lines };
}

function runWorker(url: string, mode: string): string {
  // --heap-cap N runs the downloads with V8's old space capped at N MB: finishing proves the memory bounded.
  const cap = args["heap-cap"] && mode !== "fill" ? [`--max-old-space-size=${args["heap-cap"]}`] : [];
  const res = spawnSync(process.execPath, ["--conditions=react-server", "--expose-gc", ...cap, ...process.execArgv, self, ...process.argv.slice(2), "--worker", mode], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  if (res.status !== 0) throw new Error(`worker ${mode} failed:\n${res.stderr}`);
  return res.stdout.trim().split("\n").at(-1)!;
}

async function main() {
  if (args.worker) {
    const out = args.worker === "fill" ? await fill(process.env.DATABASE_URL!, Number(args.reports)) : JSON.stringify(await measure(args.worker));
    console.log(out);
    process.exit(0);
  }
  const targets: [string, string][] = [];
  if (process.env.DATABASE_URL) targets.push(["DATABASE_URL (the embedded PGlite when run through with-db)", process.env.DATABASE_URL]);
  const pgUrl = process.env.BENCH_DATABASE_URL;
  if (pgUrl && pgUrl !== process.env.DATABASE_URL) targets.push(["PostgreSQL (BENCH_DATABASE_URL)", pgUrl]);
  if (targets.length === 0) {
    console.error("No database: run through scripts/with-db.ts, or set BENCH_DATABASE_URL.");
    process.exit(2);
  }
  console.log(`Region-year downloads — ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()}`);
  for (const [label, url] of targets) {
    console.log(`\n== ${label}`);
    console.log(runWorker(url, "fill"));
    const rows: Measure[] = [];
    for (const f of args.formats.split(",")) rows.push(JSON.parse(runWorker(url, f)) as Measure);
    console.log("format  reports    size MB   seconds   reports/s   MB/s   peak RSS MB (idle)   peak heap MB (idle)");
    for (const m of rows) {
      console.log(
        `${m.format.padEnd(6)}  ${String(m.reports).padStart(7)}  ${mb(m.bytes).toFixed(1).padStart(9)}  ${m.seconds.toFixed(2).padStart(8)}  ${Math.round(m.reports / m.seconds).toString().padStart(10)}  ${(mb(m.bytes) / m.seconds).toFixed(1).padStart(5)}  ${`${m.peakRssMb} (${m.baseRssMb})`.padStart(19)}  ${`${m.peakHeapMb} (${m.baseHeapMb})`.padStart(20)}`,
      );
    }
    const copy = psqlCopy(url);
    const csv = rows.find((m) => m.format === "csv");
    if ("error" in copy) console.log(`psql \\copy: not measured (${copy.error})`);
    else {
      console.log(`psql \\copy of the same reports' cells (one line per cell): ${copy.lines} lines, ${mb(copy.bytes)} MB in ${copy.seconds.toFixed(2)} s`);
      if (csv) console.log(`ratio: the CSV download takes ${(csv.seconds / copy.seconds).toFixed(2)}× the time of psql \\copy`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
