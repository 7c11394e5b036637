// Fills the database with a national-scale data set for benchmarks: N reports over agencies across the whole
// region tree (all 31 provinces round-robin: provincial, prefectural and county governments, their departments, and
// townships and street offices), years 2019–2025 with carry-over chains, every revision checked by the format
// engine (lib/demo's generator, streamed agency by agency so memory stays flat).
//
//   npm run bench:data -- --reports 100000 [--seed S] [--reset] [--no-check] [--chunk 4000]
//
// The region tree is loaded when absent. Like scripts/seed.ts it refuses a database that already holds agencies or
// reports unless --reset (which removes every report and every agency no user account points at). Writing is bulk
// (unnest arrays, 20,000 cells per statement), one transaction per chunk of reports, overlapped with generating the
// next chunk. Ends with ANALYZE so that the planner knows the new sizes (the embedded database has no autovacuum).
// Uses DATABASE_URL (or the running embedded database): run it through scripts/with-db.ts (npm run does).
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { describeUrl, requireDatabaseUrl } from "../lib/db/url";
import { DEMO_SEED, streamDemo, type DemoAgencyReports } from "../lib/demo/generate";
import { loadSamples } from "../lib/demo/samples";
import { DemoWriter } from "../lib/demo/write";
import { prepareForDemoData } from "./seed/prepare";

const USAGE = `Usage: bench-data --reports N [--seed S] [--reset] [--no-check] [--chunk C]
  --reports N   number of reports to write (the three sample reports among them when N is large enough)
  --seed S      generator seed (default ${DEMO_SEED}); the same seed and N write the same data
  --reset       remove existing reports and agencies first (agencies that user accounts point at are kept)
  --no-check    skip validating every generated revision against the format's rules (faster)
  --chunk C     reports per transaction (default 4000)`;

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const int = (n: number) => n.toLocaleString("en-US");

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      reports: { type: "string" },
      seed: { type: "string" },
      reset: { type: "boolean", default: false },
      "no-check": { type: "boolean", default: false },
      chunk: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const whole = (name: string, v: string | undefined, fallback: number | null) => {
    if (v === undefined) {
      if (fallback === null) throw new Error(`--${name} is required\n${USAGE}`);
      return fallback;
    }
    const n = Number(v.replace(/[_,]/g, ""));
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name}: not a whole number: ${v}\n${USAGE}`);
    return n;
  };
  if (values.help) return null;
  return {
    reports: whole("reports", values.reports, null),
    seed: whole("seed", values.seed, DEMO_SEED),
    reset: values.reset,
    check: !values["no-check"],
    chunk: Math.max(1, whole("chunk", values.chunk, 4000)),
  };
}

async function main() {
  const args = parse(process.argv.slice(2));
  if (!args) {
    console.log(USAGE);
    return;
  }
  const url = requireDatabaseUrl();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  try {
    console.log(`Filling ${describeUrl(url)} with ${int(args.reports)} reports (seed ${args.seed}${args.check ? ", every revision validated" : ""})`);

    if (!(await prepareForDemoData(client, args.reset))) {
      process.exitCode = 1;
      return;
    }

    const loaded = await fill(client, args);
    const t = performance.now();
    await client.query("ANALYZE");
    const analyzeMs = performance.now() - t;
    const size = (await client.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`)).rows[0]?.s;
    console.log(
      `\nWritten: ${int(loaded.agencies)} agencies, ${int(loaded.reports)} reports ` +
        `(${Object.entries(loaded.byStatus).map(([k, n]) => `${int(n)} ${k}`).join(", ")}), ${int(loaded.revisions)} revisions, ` +
        `${int(loaded.cells)} cells, ${int(loaded.audit)} audit events.`,
    );
    console.log(
      `Steps: generate${args.check ? " + validate" : ""} ${secs(loaded.generateMs)}, write ${secs(loaded.writeMs)} ` +
        `(${Object.entries(loaded.stepMs).map(([k, ms]) => `${k} ${secs(ms)}`).join(", ")}), of which ${secs(loaded.overlapMs)} overlapped ` +
        `with generating; ANALYZE ${secs(analyzeMs)}. Database size ${size}.`,
    );
    console.log(`Done in ${secs(performance.now() - started)}.`);
  } finally {
    await client.end();
  }
}

interface FillResult {
  agencies: number;
  reports: number;
  revisions: number;
  cells: number;
  audit: number;
  byStatus: Record<string, number>;
  generateMs: number;
  writeMs: number;
  overlapMs: number;
  stepMs: Record<string, number>;
}

/**
 * Generates and writes, one transaction per chunk. Generation is synchronous CPU work and the database works in
 * another process (the embedded owner or a PostgreSQL server), so while a chunk is being written the next one is
 * generated: the loop hands the event loop back after every agency, which lets the pending write send its next
 * statement as soon as the previous one returns.
 */
async function fill(client: pg.Client, args: NonNullable<ReturnType<typeof parse>>): Promise<FillResult> {
  const writer = new DemoWriter(client);
  const byStatus: Record<string, number> = {};
  let generateMs = 0;
  let writeMs = 0;
  let waitMs = 0;
  let reports = 0;
  let agencies = 0;
  let pending: Promise<void> | null = null;
  let chunk: DemoAgencyReports[] = [];
  let chunkReports = 0;
  const startedAt = performance.now();

  const write = async (items: DemoAgencyReports[]) => {
    const t = performance.now();
    await client.query("BEGIN");
    try {
      await writer.writeAgencies(items.map((i) => i.agency));
      await writer.writeReports(items.flatMap((i) => i.reports));
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    }
    writeMs += performance.now() - t;
    const w = writer.result();
    const elapsed = performance.now() - startedAt;
    const left = elapsed * (args.reports / Math.max(1, w.reports) - 1);
    console.log(
      `  ${int(w.reports).padStart(9)} / ${int(args.reports)} reports (${((100 * w.reports) / Math.max(1, args.reports)).toFixed(0).padStart(3)}%), ` +
        `${int(w.agencies)} agencies, ${(w.cells / 1e6).toFixed(2)} M cells — ${secs(elapsed)}` +
        (w.reports < args.reports ? `, about ${secs(left)} left` : ""),
    );
  };
  const flush = async () => {
    if (chunk.length === 0) return;
    const t = performance.now();
    if (pending) await pending;
    waitMs += performance.now() - t;
    pending = write(chunk);
    // surface a failed write at the next await instead of as an unhandled rejection
    pending.catch(() => {});
    chunk = [];
    chunkReports = 0;
  };

  const stream = streamDemo({ reports: args.reports, seed: args.seed, samples: loadSamples(), check: args.check });
  for (;;) {
    const t = performance.now();
    const next = stream.next();
    generateMs += performance.now() - t;
    if (next.done) break;
    const item = next.value;
    agencies++;
    reports += item.reports.length;
    for (const r of item.reports) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    chunk.push(item);
    chunkReports += item.reports.length;
    if (chunkReports >= args.chunk) await flush();
    await yieldToEventLoop();
  }
  await flush();
  const t = performance.now();
  if (pending) await pending;
  waitMs += performance.now() - t;

  const w = writer.result();
  if (w.reports !== reports || w.agencies !== agencies) throw new Error(`wrote ${w.reports} of ${reports} reports`);
  return { ...w, byStatus, generateMs, writeMs, overlapMs: Math.max(0, writeMs - waitMs), stepMs: w.ms };
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
