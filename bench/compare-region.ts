/**
 * Server time of the region comparison (/compare/region/[code]): lib/db/queries/compare.ts regionComparison() — one
 * SQL statement pivoting the chosen figures of every published report of the region and year — plus the sort the
 * page does, for the largest region of a seeded database. Prints the median, p90 and min of N runs after warm-up, for
 * the default figures and for all 21 figures, and the SQL alone.
 *
 *   npx tsx scripts/with-db.ts -- npx tsx bench/compare-region.ts [--runs 15] [--region CODE] [--year YYYY] [--explain]
 *
 * The database must hold demo data: for 3,000 agencies on a throwaway embedded database,
 *   PGLITE_DIR=/tmp/nb-bench/pglite npx tsx scripts/with-db.ts -- bash -c \
 *     'npx tsx scripts/migrate.ts deploy && npx tsx scripts/seed.ts --agencies 3000 --reset'
 * (several minutes), then run the bench with the same PGLITE_DIR. With BENCH_DATABASE_URL (or TEST_DATABASE_URL) set
 * to a seeded PostgreSQL database the same measurements run there too.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const self = fileURLToPath(import.meta.url);
const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "15" },
    region: { type: "string" },
    year: { type: "string" },
    explain: { type: "boolean", default: false },
    worker: { type: "string" },
  },
});

interface Measure {
  label: string;
  runs: number;
  medianMs: number;
  p90Ms: number;
  minMs: number;
}

interface WorkerResult {
  target: string;
  region: { code: string; name: string; agencies: number };
  year: number;
  published: number;
  versions: Record<string, number>;
  measures: Measure[];
  explain?: string;
}

function stats(label: string, times: number[]): Measure {
  const s = [...times].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  const r = (x: number) => Math.round(x * 10) / 10;
  return { label, runs: s.length, medianMs: r(q(0.5)), p90Ms: r(q(0.9)), minMs: r(s[0]!) };
}

async function worker(target: string): Promise<WorkerResult> {
  const { db, disconnect } = await import("../lib/db/client");
  const { regionComparison, regionComparisonSql } = await import("../lib/db/queries/compare");
  const { Prisma } = await import("../lib/generated/prisma/client");
  const { FIGURES, chosenFigures, DEFAULT_REGION_FIGURES, sortRegionRows } = await import("../lib/compare");
  const { regionRange } = await import("../lib/db/queries/region-scope");
  const runs = Math.max(1, Number(args.runs));

  // the largest region: the province (or the given code) with the most agencies, and its busiest year
  const code =
    args.region ??
    (
      await db().$queryRaw<{ code: string }[]>`
        SELECT left("regionCode", 2) AS code FROM "Agency" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`
    )[0]?.code;
  if (!code) throw new Error("The database has no agencies: seed it first (see the header of bench/compare-region.ts).");
  const range = regionRange(code);
  const region = await db().region.findUnique({ where: { code }, select: { name: true } });
  const agencies = await db().agency.count({ where: { regionCode: range } });
  const year =
    args.year !== undefined
      ? Number(args.year)
      : Number(
          (
            await db().$queryRaw<{ year: number }[]>`
              SELECT r.year FROM "Report" r JOIN "Agency" a ON a.id = r."agencyId"
              WHERE a."regionCode" >= ${range.gte} AND a."regionCode" <= ${range.lte} AND r."publishedRevisionId" IS NOT NULL
              GROUP BY r.year ORDER BY count(*) DESC, r.year DESC LIMIT 1`
          )[0]?.year,
        );

  async function time(label: string, fn: () => Promise<unknown>): Promise<Measure> {
    for (let i = 0; i < 3; i++) await fn(); // warm-up: connections, plans, caches
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fn();
      times.push(performance.now() - t);
    }
    return stats(label, times);
  }

  const defaults = chosenFigures(DEFAULT_REGION_FIGURES);
  const first = await regionComparison(code, year, defaults);
  const measures: Measure[] = [];
  measures.push(
    await time(`regionComparison + sort, ${defaults.length} figures (the page's default)`, async () => {
      const res = await regionComparison(code, year, defaults);
      sortRegionRows(res.rows, DEFAULT_REGION_FIGURES, "newReceived", "desc");
    }),
  );
  measures.push(
    await time(`regionComparison + sort, all ${FIGURES.length} figures`, async () => {
      const res = await regionComparison(code, year, FIGURES);
      sortRegionRows(res.rows, FIGURES.map((f) => f.id), "disclosureRate", "desc");
    }),
  );

  let explain: string | undefined;
  if (args.explain) {
    const rows = await db().$queryRaw<Record<string, string>[]>(
      Prisma.sql`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${regionComparisonSql(code, year, defaults)}`,
    );
    explain = rows.map((r) => Object.values(r)[0]).join("\n");
  }
  await disconnect();
  return {
    target,
    region: { code, name: region?.name ?? code, agencies },
    year,
    published: first.rows.filter((r) => r.report).length,
    versions: first.versions,
    measures,
    explain,
  };
}

function runWorker(target: string, url: string): WorkerResult | null {
  // lib/db/client imports "server-only", which resolves to an empty module under the react-server condition
  const res = spawnSync(process.execPath, ["--conditions=react-server", ...process.execArgv, self, ...process.argv.slice(2), "--worker", target], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.status !== 0) {
    console.error(`${target}: the benchmark failed (exit ${res.status}).`);
    return null;
  }
  const line = res.stdout.trim().split("\n").pop()!;
  return JSON.parse(line) as WorkerResult;
}

async function main() {
  if (args.worker) {
    const result = await worker(args.worker);
    process.stdout.write(`\n${JSON.stringify(result)}\n`);
    return;
  }
  const targets: [string, string][] = [];
  if (process.env.DATABASE_URL) targets.push(["DATABASE_URL (the embedded PGlite when run through with-db)", process.env.DATABASE_URL]);
  const pg = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (pg && pg !== process.env.DATABASE_URL) targets.push(["PostgreSQL (BENCH_DATABASE_URL)", pg]);
  if (targets.length === 0) {
    console.error("No database: run through scripts/with-db.ts, or set BENCH_DATABASE_URL.");
    process.exit(1);
  }
  const cpu = (await import("node:os")).cpus();
  console.log(`Region comparison benchmark — ${cpu.length} × ${cpu[0]?.model ?? "CPU"}, Node ${process.version}, ${args.runs} runs after 3 warm-up runs\n`);
  for (const [name, url] of targets) {
    const r = runWorker(name, url);
    if (!r) continue;
    console.log(`${r.target}: region ${r.region.code} ${r.region.name} (${r.region.agencies} agencies), year ${r.year}: ${r.published} published reports (${Object.entries(r.versions).map(([v, n]) => `${n} in the ${v} format`).join(", ")})`);
    for (const m of r.measures) console.log(`  ${m.label}: median ${m.medianMs} ms, p90 ${m.p90Ms} ms, min ${m.minMs} ms`);
    if (r.explain) console.log(`\n${r.explain}\n`);
    console.log();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
