/**
 * Filing season: `--clerks` clerks (200) of as many agencies fill in this year's report at once — each opens the
 * form, saves the draft `--saves` times with a few seconds of typing between saves, then submits — while wrk runs the
 * public mix through nginx. Prints save latency (p50/p95/p99), failed saves, submissions and the public figures
 * meanwhile, then checks in the database that every acknowledged save is there (zero lost saves).
 *
 *   npm run bench:filing -- [--db postgresql,embedded] [--clerks 200] [--warm 10] [--saves 6] [--think 3000-9000] [--arrival 9000]
 *                           [--public-connections 32] [--public-rate 1000] [--reports 20000] [--instances 2] [--port 8180]
 *                           [--first-app-port 3401] [--dist-dir .next-bench] [--dir tmp/bench-load] [--fresh]
 *
 * Saves and submissions go through the form's own server actions (saveDraftAction, submitReportAction) over HTTP,
 * as the browser sends them (bench/lib/server-action.ts): through nginx, a session cookie each. The clerks' accounts
 * and sessions are made in the database (bench/lib/clerks.ts: sign-in is throttled per address), their drafts by
 * lib/db/reports' startReport, as 「开始填报」 does. What each clerk types is last year's report carried on by
 * lib/demo's series (every rule passes, warnings explained), so every submission must succeed.
 *
 * The public mix is paced (--public-rate, requests per second over all connections; 0 = as fast as they can): on two
 * cores an unpaced wrk with nginx answering from its cache takes nearly all the CPU and starves the instances, which
 * measures the load generator rather than the season. 1,000 req/s of pages is far above a national portal's peak.
 *
 * Zero lost saves means: for every clerk, each acknowledged save appears in order in the report's audit trail with
 * the cells it changed, the report's cells and text are exactly the last acknowledged content, its lockVersion
 * counts every acknowledged write, and it is SUBMITTED. A run re-uses the database: the previous run's clerks and
 * their reports are removed first.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { computeDerived, leafKeys, SECTION_KEYS, type CellMap } from "../lib/format";
import { cpuMeter, describeCpu } from "./lib/cpu";
import { CLERK_PREFIX, clerkWork, loadDraftAndPrevious, prepareClerks, type Clerk, type Draft, type Work } from "./lib/clerks";
import { checkAndWarm, pickPublicMix } from "./lib/public-urls";
import { actionId, callAction, filingReportTree } from "./lib/server-action";
import { assertPortsFree, dbKinds, loadAverage, log, machineLine, openDatabase, ROOT, STACK_OPTIONS, startCluster, stopAll, type DbKind } from "./lib/stack";
import { assertWrk, fmtMs, runWrk, type WrkResult } from "./lib/wrk";

const self = fileURLToPath(import.meta.url);
const { values: args } = parseArgs({
  options: {
    ...STACK_OPTIONS,
    clerks: { type: "string", default: "200" },
    warm: { type: "string", default: "10" },
    /** the clerks open their forms at random moments within this many ms (default: the longest pause, --think) */
    arrival: { type: "string" },
    saves: { type: "string", default: "6" },
    think: { type: "string", default: "3000-9000" },
    "public-connections": { type: "string", default: "32" },
    "public-rate": { type: "string", default: "1000" },
    year: { type: "string" },
    worker: { type: "string" },
  },
});

/** The report year being filed now, as lib/db/queries/home's currentFilingYear reckons it (Beijing time). */
function filingYear(): number {
  if (args.year) return Number(args.year);
  return Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date())) - 1;
}

// ---------------------------------------------------------------------------------------------------------------
// worker: starts each benchmark clerk's report with the app's own startReport (needs the react-server condition)

async function startReportsWorker(year: number): Promise<void> {
  const { startReport } = await import("../lib/db/reports");
  const { db, disconnect } = await import("../lib/db/client");
  const clerks = await db().user.findMany({ where: { username: { startsWith: CLERK_PREFIX } }, select: { id: true, agencyId: true }, orderBy: { username: "asc" } });
  const out: { userId: string; reportId: number }[] = [];
  for (const c of clerks) {
    const r = await startReport({ id: c.id, role: "CLERK", agencyId: c.agencyId, regionCode: null, banned: false }, c.agencyId!, year);
    if (!r.ok || !("reportId" in r)) throw new Error(`startReport for agency ${c.agencyId}: ${JSON.stringify(r)}`);
    out.push({ userId: c.id, reportId: r.reportId });
  }
  await disconnect();
  process.stdout.write(`\n${JSON.stringify(out)}\n`);
}

function startReports(url: string, year: number): Map<string, number> {
  const res = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", self, "--worker", "start", "--year", String(year)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 24,
  });
  if (res.status !== 0) throw new Error(`starting the reports failed (exit ${res.status})`);
  const list = JSON.parse(res.stdout.trim().split("\n").pop()!) as { userId: string; reportId: number }[];
  return new Map(list.map((x) => [x.userId, x.reportId]));
}

// ---------------------------------------------------------------------------------------------------------------
// the clerks

interface Payload {
  reportId: number;
  lockVersion: number;
  cells: CellMap;
  sections: Record<string, string>;
  explanations: Record<string, string>;
}

interface ClerkLog {
  clerk: Clerk;
  draft: Draft;
  /** every request sent, in order, and whether the server acknowledged it (an unacknowledged one may still have
   *  been applied: a timeout after the commit) */
  attempts: { payload: Payload; kind: "save" | "submit"; acked: boolean }[];
  saveMs: number[];
  /** when each acknowledged save was sent (performance.now()) */
  saveAt: number[];
  submitMs: number | null;
  submitted: boolean;
  pageMs: number | null;
  failures: string[];
  /** lockVersion as the clerk's form knows it */
  lock: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Ctx {
  base: string;
  saveId: string;
  submitId: string;
  thinkMin: number;
  thinkMax: number;
  /** ms within which the clerks open their forms */
  arrival: number;
}

const think = (c: Ctx) => sleep(c.thinkMin + Math.random() * (c.thinkMax - c.thinkMin));

/** One clerk's session: open the form, type and autosave step by step, submit. Retries like the form does. */
async function runClerk(ctx: Ctx, log: ClerkLog, work: Work): Promise<void> {
  const page = `/filing/reports/${log.draft.reportId}`;
  const tree = filingReportTree(log.draft.reportId);
  await sleep(Math.random() * ctx.arrival); // clerks do not all start in the same second
  const t0 = performance.now();
  const res = await fetch(ctx.base + page, { headers: { Cookie: log.clerk.cookie, "Accept-Encoding": "gzip" }, redirect: "manual" });
  await res.arrayBuffer();
  log.pageMs = performance.now() - t0;
  if (res.status !== 200) {
    log.failures.push(`opening the form: HTTP ${res.status} ${res.headers.get("location") ?? ""}`);
    return;
  }
  const steps = work.steps;
  for (let i = 0; i < steps.length; i++) {
    const submit = i === steps.length - 1;
    await think(ctx);
    for (let attempt = 1; ; attempt++) {
      const payload: Payload = { reportId: log.draft.reportId, lockVersion: log.lock, ...steps[i]! };
      const attempt_ = { payload, kind: submit ? ("submit" as const) : ("save" as const), acked: false };
      log.attempts.push(attempt_);
      const sent = performance.now();
      const r = await callAction({ base: ctx.base, pagePath: page, actionId: submit ? ctx.submitId : ctx.saveId, cookie: log.clerk.cookie, routerTree: tree, args: [payload] });
      const result = r.result as { ok?: boolean; lockVersion?: number; kind?: string; message?: string; current?: { lockVersion: number } } | undefined;
      if (result?.ok) {
        attempt_.acked = true;
        if (submit) {
          log.submitMs = r.ms;
          log.submitted = true;
        } else {
          log.saveMs.push(r.ms);
          log.saveAt.push(sent);
          log.lock = result.lockVersion!;
        }
        break;
      }
      log.failures.push(`${submit ? "submit" : "save"} ${i + 1} attempt ${attempt}: ${r.error ?? `${result?.kind}: ${result?.message}`} (${fmtMs(r.ms)} ms)`);
      // A save the server applied but whose answer was lost comes back as a conflict: continue from the server's
      // copy and save mine over it, as the form's 「保留我的版本」 does.
      if (result?.kind === "conflict" && result.current) log.lock = result.current.lockVersion;
      else if (result && !r.error) return; // refused for good (invalid, forbidden, blocked): a defect, reported
      if (attempt >= 4) return;
      await sleep([3000, 10000, 30000][attempt - 1]!); // the form's retry delays (lib/filing-client/autosave.ts)
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// checking the database afterwards

interface Check {
  submittedInDb: number;
  lostSaves: number;
  problems: string[];
}

async function verify(url: string, logs: ClerkLog[]): Promise<Check> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const problems: string[] = [];
  let lostSaves = 0;
  let submittedInDb = 0;
  try {
    for (const l of logs) {
      const id = l.draft.reportId;
      const v = l.draft.version;
      const rev = (
        await client.query(
          `SELECT r.status::text AS status, v.id, v."lockVersion", v.explanations, ${SECTION_KEYS.map((k) => `v."${k}"`).join(", ")}
           FROM "Report" r JOIN "ReportRevision" v ON v."reportId" = r.id WHERE r.id = $1 ORDER BY v.number DESC LIMIT 1`,
          [id],
        )
      ).rows[0];
      if (rev.status === "SUBMITTED") submittedInDb++;
      const cells: CellMap = {};
      for (const r of (await client.query<{ key: string; value: string | null }>(`SELECT key, value::text FROM "Cell" WHERE "revisionId" = $1`, [rev.id])).rows) {
        cells[r.key] = r.value === null ? null : Number(r.value);
      }
      const events = (
        await client.query<{ action: string; detail: { cells?: Record<string, [number | null, number | null]>; sections?: string[] } }>(
          `SELECT action::text AS action, detail FROM "AuditEvent" WHERE "reportId" = $1 ORDER BY id`,
          [id],
        )
      ).rows;
      const saved = events.filter((e) => e.action === "SAVED");

      // every acknowledged write, in order, as a SAVED event with exactly the leaf cells it changed
      const acked = l.attempts.filter((a) => a.acked);
      let prevCells: CellMap = l.draft.cells;
      let prevSections: Record<string, string> = l.draft.sections;
      let at = 0;
      for (const [n, a] of acked.entries()) {
        const changed = leafKeys(v).filter((k) => (prevCells[k] ?? null) !== (a.payload.cells[k] ?? null));
        const changedSections = SECTION_KEYS.filter((k) => prevSections[k] !== a.payload.sections[k]);
        prevCells = a.payload.cells;
        prevSections = a.payload.sections;
        if (changed.length === 0 && changedSections.length === 0) continue; // nothing to record
        const matches = (e: (typeof saved)[number]) =>
          changed.every((k) => e.detail.cells?.[k]?.[1] === (a.payload.cells[k] ?? null)) &&
          changedSections.every((k) => e.detail.sections?.includes(k));
        while (at < saved.length && !matches(saved[at]!)) at++;
        if (at === saved.length) {
          lostSaves++;
          problems.push(`report ${id}: acknowledged ${a.kind} #${n + 1} (${changed.length} cells) is not in the audit trail`);
          break;
        }
        at++;
      }

      // the report holds exactly the last acknowledged content — or that of a later request whose answer was lost
      const lastAcked = l.attempts.findLastIndex((a) => a.acked);
      if (lastAcked >= 0) {
        const holds = (p: Payload) => {
          const want = computeDerived(v, p.cells);
          return Object.keys(want).every((k) => (want[k] ?? null) === (cells[k] ?? null)) && SECTION_KEYS.every((k) => rev[k] === p.sections[k]);
        };
        if (!l.attempts.slice(lastAcked).some((a) => holds(a.payload))) {
          lostSaves++;
          problems.push(`report ${id}: its cells or text are not those of the last acknowledged save (nor of a later request)`);
        }
      }
      // each acknowledged save is one lockVersion step; a submission two (its save, then the state change)
      const writes = acked.reduce((n, a) => n + (a.kind === "submit" ? 2 : 1), 0);
      if (l.failures.length === 0 && rev.lockVersion !== l.draft.lockVersion + writes) {
        problems.push(`report ${id}: lockVersion ${rev.lockVersion}, expected ${l.draft.lockVersion} + ${writes} acknowledged writes`);
      }
      if (l.submitted && rev.status !== "SUBMITTED") problems.push(`report ${id}: submission acknowledged but the report is ${rev.status}`);
    }
  } finally {
    await client.end();
  }
  return { submittedInDb, lostSaves, problems };
}

// ---------------------------------------------------------------------------------------------------------------

function pct(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((s.length * p) / 100) - 1))]!;
}

async function runSeason(kind: DbKind): Promise<void> {
  const clerkCount = Number(args.clerks);
  const saves = Number(args.saves);
  const [thinkMin, thinkMax] = args.think!.split("-").map(Number) as [number, number];
  const year = filingYear();
  const port = Number(args.port);
  const firstAppPort = Number(args["first-app-port"]);
  const instances = Number(args.instances);
  await assertPortsFree([port, ...Array.from({ length: instances }, (_, i) => firstAppPort + i)]);

  const db = await openDatabase(kind, path.resolve(ROOT, args.dir!), Number(args.reports), args.fresh);
  const secret = randomBytes(32).toString("base64url");
  log(`making ${clerkCount} clerks and their ${year} drafts`);
  // --warm more clerks than measured: they do their whole work (no pauses) before the clock starts, so that every
  // instance has loaded and optimised the filing code, as a server that has been up for a while has
  const warmCount = Math.max(1, Number(args.warm));
  const clerks = await prepareClerks(db.url, clerkCount + warmCount, year, secret);
  const reportOf = startReports(db.url, year);

  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const logs: ClerkLog[] = [];
  const works: Work[] = [];
  try {
    for (const clerk of clerks) {
      const { draft, previous } = await loadDraftAndPrevious(client, reportOf.get(clerk.userId)!);
      works.push(clerkWork(clerk, draft, previous, year, saves));
      logs.push({ clerk, draft, attempts: [], saveMs: [], saveAt: [], submitMs: null, submitted: false, pageMs: null, failures: [], lock: draft.lockVersion });
    }
  } finally {
    await client.end();
  }

  const cluster = await startCluster({ databaseUrl: db.url, instances, port, firstAppPort, authSecret: secret, distDir: args["dist-dir"]!, pageTtl: args["page-ttl"] });
  const mix = await pickPublicMix(db.url);
  await checkAndWarm(cluster.nginx, mix.paths);
  const buildDir = path.join(ROOT, args["dist-dir"]!);
  const ctx: Ctx = {
    base: cluster.nginx,
    saveId: actionId(buildDir, "app/(filing)/filing/reports/[id]/actions.ts", "saveDraftAction"),
    submitId: actionId(buildDir, "app/(filing)/filing/reports/[id]/actions.ts", "submitReportAction"),
    thinkMin,
    thinkMax,
    arrival: args.arrival === undefined ? thinkMax : Number(args.arrival),
  };

  const warmers = logs.slice(0, warmCount);
  const measured = logs.slice(warmCount);
  await Promise.all(warmers.map((l, i) => runClerk({ ...ctx, thinkMin: 0, thinkMax: 0, arrival: 0 }, l, works[i]!)));
  const warmFailures = warmers.flatMap((l) => l.failures);
  if (warmFailures.length) throw new Error(`the warm-up clerks failed: ${warmFailures.join("; ")}`);
  const warm = warmers[0]!;
  // what one form page costs on an idle machine, for reading the season's figures (queueing vs work)
  const alone: number[] = [];
  let formBytes = 0;
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    const res = await fetch(`${ctx.base}/filing/reports/${warm!.draft.reportId}`, { headers: { Cookie: warm!.clerk.cookie, "Accept-Encoding": "gzip" } });
    formBytes = (await res.arrayBuffer()).byteLength; // fetch has undone the gzip: the HTML as rendered
    alone.push(performance.now() - t0);
  }
  // and how many form pages a second the instances can render at most (8 at a time, the warm-up clerks' pages)
  const burstStart = performance.now();
  await Promise.all(
    warmers.slice(0, 8).map(async (l) => {
      for (let i = 0; i < 10; i++) {
        const res = await fetch(`${ctx.base}/filing/reports/${l.draft.reportId}`, { headers: { Cookie: l.clerk.cookie, "Accept-Encoding": "gzip" } });
        await res.arrayBuffer();
      }
    }),
  );
  const formPagesPerSecond = (Math.min(8, warmers.length) * 10) / ((performance.now() - burstStart) / 1000);

  log(`${clerkCount} clerks × ${saves} saves and a submission, ${thinkMin / 1000}–${thinkMax / 1000} s apart, with wrk on the public mix`);
  const stopWrk = new AbortController();
  const connections = Number(args["public-connections"]);
  const rate = Number(args["public-rate"]);
  let wrkPid = 0;
  const publicRun =
    connections > 0 ? runWrk({ base: cluster.nginx, paths: mix.paths, connections, rate, seconds: 3600, signal: stopWrk.signal, onPid: (p) => (wrkPid = p) }) : null;
  const started = performance.now();
  // the clerks' side (this process: 200 sessions' requests and answers) is measured too: it shares the cores
  const stopMeter = cpuMeter({
    nginx: cluster.nginxPids,
    database: db.pids,
    instances: cluster.instancePids,
    wrk: () => [wrkPid],
    "clerks (this process)": () => [process.pid],
  });
  await Promise.all(measured.map((l, i) => runClerk(ctx, l, works[i + warmCount]!)));
  const cpu = stopMeter();
  const seasonSeconds = (performance.now() - started) / 1000;
  stopWrk.abort();
  const pub: WrkResult | null = await publicRun;
  const check = await verify(db.url, measured);
  await stopAll();

  const allSaves = measured.flatMap((l) => l.saveMs);
  const submits = measured.filter((l) => l.submitted);
  const submitMs = submits.map((l) => l.submitMs!);
  const failures = measured.flatMap((l) => l.failures);
  const pages = measured.flatMap((l) => (l.pageMs === null ? [] : [l.pageMs]));
  console.log(`\n${db.label}, ${Number(args.reports).toLocaleString("en-US")} reports; ${instances} instances behind nginx (load average at the end ${loadAverage()})`);
  console.log(`${clerkCount} clerks, ${saves} saves each then a submission, ${thinkMin / 1000}–${thinkMax / 1000} s between them, forms opened within the first ${ctx.arrival / 1000} s; ${seasonSeconds.toFixed(0)} s in all\n`);
  console.log(
    `form opened:      ${pages.length}, p50 ${fmtMs(pct(pages, 50))} ms, p99 ${fmtMs(pct(pages, 99))} ms (before the season: ${Math.round(formBytes / 1024)} KiB of HTML, one at a time p50 ${fmtMs(pct(alone, 50))} ms; at most ${formPagesPerSecond.toFixed(0)} pages/s, 8 at a time)`,
  );
  console.log(
    `saves:            ${allSaves.length} acknowledged (${(allSaves.length / seasonSeconds).toFixed(1)}/s), p50 ${fmtMs(pct(allSaves, 50))} ms, ` +
      `p95 ${fmtMs(pct(allSaves, 95))} ms, p99 ${fmtMs(pct(allSaves, 99))} ms, max ${fmtMs(Math.max(...allSaves))} ms`,
  );
  console.log(`submissions:      ${submits.length} acknowledged, ${check.submittedInDb} SUBMITTED in the database, p50 ${fmtMs(pct(submitMs, 50))} ms, p99 ${fmtMs(pct(submitMs, 99))} ms`);
  console.log(`failed requests:  ${failures.length}${failures.length ? ` — e.g. ${failures.slice(0, 3).join("; ")}` : ""}`);
  console.log(`lost saves:       ${check.lostSaves} (every acknowledged save checked against the audit trail and the stored report)`);
  for (const p of check.problems.slice(0, 10)) console.log(`  ${p}`);
  if (pub) {
    console.log(
      `public mix meanwhile (wrk, ${connections} connections via nginx, ${rate ? `paced at ${rate} req/s` : "as fast as they can"}): ` +
        `${pub.rps.toFixed(0)} req/s, p50 ${fmtMs(pub.p50Ms)} ms, p99 ${fmtMs(pub.p99Ms)} ms, errors ${pub.badStatus + pub.socketErrors}`,
    );
  } else {
    console.log("public mix meanwhile: none (--public-connections 0)");
  }
  // saves by the 20 s in which they were sent: a queue that builds up shows as growing times, bursts (pages expiring
  // from the cache together) as single bad windows
  const windows = new Map<number, number[]>();
  for (const l of measured) {
    l.saveAt.forEach((t, i) => {
      const w = Math.floor((t - started) / 20_000);
      windows.set(w, [...(windows.get(w) ?? []), l.saveMs[i]!]);
    });
  }
  console.log(
    `saves by 20 s:    ${[...windows]
      .sort((a, b) => a[0] - b[0])
      .map(([w, xs]) => `${w * 20}s ${xs.length}× p99 ${fmtMs(pct(xs, 99))}`)
      .join(" · ")} (ms)`,
  );
  const writes = allSaves.length + submits.length;
  console.log(
    `CPU:              ${describeCpu(cpu, os.cpus().length)}; per save or submission ${((cpu.seconds.instances! * 1000) / Math.max(1, writes)).toFixed(0)} ms in the ` +
      `instances (public pages they rendered included), ${((cpu.seconds.database! * 1000) / Math.max(1, writes)).toFixed(0)} ms in the database`,
  );
  const p99 = pct(allSaves, 99);
  const ok = p99 < 300 && failures.length === 0 && check.lostSaves === 0 && check.problems.length === 0 && submits.length === clerkCount;
  console.log(`target — save p99 < 300 ms, no failed or lost save, every report submitted: ${ok ? "met" : "NOT met"}`);
}

async function main() {
  if (args.worker === "start") return startReportsWorker(filingYear());
  assertWrk();
  console.log(`Filing-season benchmark — ${machineLine()}`);
  for (const kind of dbKinds(args.db)) {
    try {
      await runSeason(kind);
    } finally {
      await stopAll();
    }
  }
}

main().catch(async (e) => {
  console.error(e instanceof Error ? e.stack || e.message : e);
  await stopAll();
  process.exit(1);
});
