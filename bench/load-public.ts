/**
 * Load on the public pages: the production set-up (scripts/cluster.ts: N `next start` instances behind nginx with
 * the shared page cache) under wrk, beside nginx serving a saved copy of the same report page from disk — the
 * ceiling of what the cache could give on this machine — with the ratio between the two printed.
 *
 *   npm run bench:load -- [--db postgresql,embedded] [--reports 20000] [--seconds 15] [--rounds 3] [--instances 2]
 *                         [--port 8180] [--first-app-port 3401] [--dist-dir .next-bench] [--dir tmp/bench-load] [--fresh]
 *   npm run bench:load -- --attach http://127.0.0.1:8180 --instance http://127.0.0.1:3401   (DATABASE_URL set: a
 *                                                                                           running cluster)
 *
 * Needs a build in --dist-dir (NEXT_DIST_DIR=.next-bench npx next build, so the main build can change meanwhile),
 * nginx with the cache-purge module and wrk (apt-get install nginx-light libnginx-mod-http-cache-purge wrk).
 * Databases are kept under --dir and filled once with scripts/bench-data.ts (see bench/lib/stack.ts).
 *
 * Scenarios, --seconds each, wrk with 2 threads and a random path per request:
 *   public mix via nginx (cached) at 32 and 128 connections; the same mix straight to one instance (no cache) at 32;
 *   one report page via nginx at 32 and 128, alternating --rounds times with nginx serving that page's saved copy
 *   from disk (the ceiling), the median round of each shown.
 * wrk, nginx, the instances and the database all share this machine's cores: the figures are for the whole
 * machine under load, and the load generator's own CPU is part of it (docs/performance.md, "Load").
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { assertPortsFree, dbKinds, loadAverage, log, machineLine, openDatabase, ROOT, STACK_OPTIONS, startCluster, stopAll } from "./lib/stack";
import { checkAndWarm, pickPublicMix, type PublicMix } from "./lib/public-urls";
import { cpuMeter, endedChildrenSeconds, type CpuUse, type Groups } from "./lib/cpu";
import { assertWrk, fmtMs, runWrk, type WrkResult } from "./lib/wrk";

const { values: args } = parseArgs({
  options: {
    ...STACK_OPTIONS,
    seconds: { type: "string", default: "15" },
    rounds: { type: "string", default: "3" },
    attach: { type: "string" },
    instance: { type: "string" },
  },
});

const seconds = Number(args.seconds);
const rounds = Math.max(1, Number(args.rounds));

interface Row {
  scenario: string;
  connections: number;
  r: WrkResult;
  cpu: CpuUse | null;
  /** CPU seconds of wrk itself */
  wrkSeconds: number;
}

/**
 * A second, minimal nginx serving one saved file for every path: the ceiling for a cached page. The file is the
 * gzip-compressed page exactly as the cache sends it to a browser, served with the same Content-Encoding.
 */
async function startStaticNginx(gzipped: Buffer, port: number): Promise<{ url: string; pids(): number[]; stop(): void }> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-bench-static-"));
  fs.mkdirSync(path.join(prefix, "static"));
  fs.writeFileSync(path.join(prefix, "static", "report.html"), gzipped);
  // nginx's workers run as an unprivileged user when the master is root: they must be able to read the file
  fs.chmodSync(prefix, 0o755);
  fs.chmodSync(path.join(prefix, "static"), 0o755);
  fs.chmodSync(path.join(prefix, "static", "report.html"), 0o644);
  // the same worker and connection settings as deploy/nginx/nianbao.conf.template, so only the cache differs
  fs.writeFileSync(
    path.join(prefix, "nginx.conf"),
    `worker_processes auto;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${prefix}/static;
    location / {
      default_type "text/html; charset=utf-8";
      add_header Content-Encoding gzip;
      try_files /report.html =404;
    }
  }
}
`,
  );
  const conf = ["-p", prefix, "-c", path.join(prefix, "nginx.conf")];
  const started = spawnSync("nginx", conf, { encoding: "utf8" });
  if (started.status !== 0) throw new Error(`static nginx did not start: ${started.stderr}`);
  return {
    url: `http://127.0.0.1:${port}`,
    pids: () => [Number(fs.readFileSync(path.join(prefix, "nginx.pid"), "utf8").trim()) || 0],
    stop() {
      spawnSync("nginx", [...conf, "-s", "stop"], { stdio: "ignore" });
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}

/** One row per scenario and connection count: the round with the median req/s. */
function medianRounds(rows: Row[]): Row[] {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const key = `${r.scenario}|${r.connections}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((g) => [...g].sort((a, b) => a.r.rps - b.r.rps)[Math.floor((g.length - 1) / 2)]!);
}

/** The page as the cache sends it to a browser: gzip-compressed (curl, which does not unzip without --compressed). */
function gzippedPage(url: string): Buffer {
  const res = spawnSync("curl", ["-s", "-f", "-H", "Accept-Encoding: gzip", url], { maxBuffer: 64 << 20 });
  if (res.status !== 0 || res.stdout[0] !== 0x1f || res.stdout[1] !== 0x8b) throw new Error(`${url}: no gzip-compressed page (curl exit ${res.status})`);
  return res.stdout;
}

/** Time to first byte and to the end of an uncached report page, straight from an instance (curl, one at a time). */
function serverTimes(url: string, runs = 20): { ttfb: number[]; total: number[] } {
  const ttfb: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const res = spawnSync("curl", ["-s", "--compressed", "-o", "/dev/null", "-w", "%{http_code} %{time_starttransfer} %{time_total}", url], { encoding: "utf8" });
    const [code, start, end] = res.stdout.trim().split(" ");
    if (code !== "200") throw new Error(`${url} answered ${code}`);
    if (i < 2) continue; // warm-up
    ttfb.push(Number(start) * 1000);
    total.push(Number(end) * 1000);
  }
  return { ttfb, total };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

async function cacheStatus(url: string): Promise<string> {
  const res = await fetch(url);
  await res.arrayBuffer();
  return res.headers.get("x-cache-status") ?? "(none)";
}

async function measure(label: string, nginx: string, instance: string, mix: PublicMix, staticPort: number, groups: Groups | null): Promise<void> {
  const rows: Row[] = [];
  const run = async (scenario: string, base: string, paths: string[], connections: number, meter: Groups | null = groups) => {
    await new Promise((r) => setTimeout(r, 2000)); // let the previous run's connections close
    log(`${scenario}, ${connections} connections, ${seconds} s`);
    const stop = meter ? cpuMeter(meter) : null;
    const wrk0 = endedChildrenSeconds();
    const r = await runWrk({ base, paths, connections, seconds });
    const cpu = stop ? stop() : null;
    rows.push({ scenario, connections, r, cpu, wrkSeconds: endedChildrenSeconds() - wrk0 });
  };

  await checkAndWarm(nginx, mix.paths);
  for (const c of [32, 128]) {
    await checkAndWarm(nginx, mix.paths); // entries live 60 s (the template's PAGE_TTL): refill before each run
    await run("public mix via nginx (cached)", nginx, mix.paths, c);
  }
  await run("public mix, one instance (no cache)", instance, mix.paths, 32);

  // The cached page and its static copy, alternately, --rounds times each: the machine is shared, so one run of each
  // would compare two different moments. The table shows each one's median round.
  await checkAndWarm(nginx, [mix.reportPath]);
  const status = await cacheStatus(nginx + mix.reportPath);
  const page = gzippedPage(nginx + mix.reportPath);
  const ceiling = await startStaticNginx(page, staticPort);
  try {
    for (const c of [32, 128]) {
      for (let round = 0; round < rounds; round++) {
        await checkAndWarm(nginx, [mix.reportPath]);
        await run("one report page via nginx (cached)", nginx, [mix.reportPath], c);
        await run("same page, static file (nginx ceiling)", ceiling.url, ["/"], c, { nginx: ceiling.pids });
      }
    }
  } finally {
    ceiling.stop();
  }
  const times = serverTimes(instance + mix.reportPath);

  console.log(`\n${label}`);
  console.log(
    `Mix: ${mix.paths.length} paths — home ×${mix.counts.home}, region index and ${mix.counts.regions - 1} region pages (4 levels), ` +
      `${mix.counts.agencies} agency pages, ${mix.counts.reports} report pages. Report page: ${mix.reportPath} (${mix.reportLabel}, ` +
      `${(page.length / 1024).toFixed(0)} KiB gzip-compressed, X-Cache-Status ${status} after warming).\n`,
  );
  // CPU per request: milliseconds of CPU the instances, the database and nginx spent per request answered
  const head = ["scenario", "conn", "req/s", "p50 ms", "p99 ms", "max ms", "errors", "MiB/s", "app", "db", "nginx", "wrk", "busy"];
  const widths = [40, 5, 9, 8, 8, 8, 7, 7, 7, 7, 7, 7, 5];
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" ");
  console.log(line(head) + "\n" + line(["", "", "", "", "", "", "", "", "CPU ms/request", "", "", "", "%"]));
  for (const { scenario, connections, r, cpu, wrkSeconds } of medianRounds(rows)) {
    const errors = r.badStatus + r.socketErrors;
    const per = (k: string) => (cpu && k in cpu.seconds ? fmtMs((cpu.seconds[k]! * 1000) / Math.max(1, r.requests)) : "—");
    console.log(
      line([
        scenario,
        String(connections),
        r.rps.toFixed(0),
        fmtMs(r.p50Ms),
        fmtMs(r.p99Ms),
        fmtMs(r.maxMs),
        String(errors),
        r.mbPerSec.toFixed(1),
        per("instances"),
        per("database"),
        per("nginx"),
        fmtMs((wrkSeconds * 1000) / Math.max(1, r.requests)),
        cpu ? (cpu.machineBusy * 100).toFixed(0) : "—",
      ]),
    );
  }
  console.log("(CPU ms/request: each program's CPU time over the requests answered; busy: all cores of the machine, whoever used them)");
  const find = (s: string, c: number) => medianRounds(rows).find((r) => r.scenario.startsWith(s) && r.connections === c)!.r;
  const all = (s: string, c: number) =>
    rows
      .filter((r) => r.scenario.startsWith(s) && r.connections === c)
      .map((r) => r.r.rps.toFixed(0))
      .join(", ");
  console.log("");
  for (const c of [32, 128]) {
    const cached = find("one report page", c);
    const disk = find("same page, static", c);
    console.log(
      `cached report page / static ceiling at ${c} connections: ${(cached.rps / disk.rps).toFixed(2)} (medians ${cached.rps.toFixed(0)} / ${disk.rps.toFixed(0)} req/s; ` +
        `rounds ${all("one report page", c)} / ${all("same page, static", c)})`,
    );
  }
  const c32 = find("one report page", 32);
  const ok = c32.p99Ms < 50 && c32.badStatus + c32.socketErrors === 0;
  console.log(`target — cached report page p99 < 50 ms at 32 connections, no errors: ${ok ? "met" : "NOT met"} (p99 ${fmtMs(c32.p99Ms)} ms, ${c32.badStatus + c32.socketErrors} errors)`);
  console.log(
    `uncached report page, one request at a time straight to an instance (curl, ${times.ttfb.length} runs): ` +
      `first byte median ${fmtMs(median(times.ttfb))} ms / p95 ${fmtMs(p95(times.ttfb))} ms, whole page median ${fmtMs(median(times.total))} ms / p95 ${fmtMs(p95(times.total))} ms`,
  );
}

async function main() {
  assertWrk();
  const port = Number(args.port);
  const firstAppPort = Number(args["first-app-port"]);
  const instances = Number(args.instances);
  console.log(`Public load benchmark — ${machineLine()}`);
  console.log(`build ${args["dist-dir"]} (BUILD_ID ${readBuildId(args["dist-dir"]!)}), commit ${gitHead()}, ${seconds} s per scenario, wrk 2 threads`);

  if (args.attach) {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl || !args.instance) throw new Error("--attach needs --instance URL and DATABASE_URL (to pick the pages)");
    const mix = await pickPublicMix(databaseUrl);
    await measure(`Attached: ${args.attach}`, args.attach, args.instance, mix, port + 1, null);
    return;
  }

  for (const kind of dbKinds(args.db)) {
    await assertPortsFree([port, port + 1, ...Array.from({ length: instances }, (_, i) => firstAppPort + i)]);
    try {
      const db = await openDatabase(kind, path.resolve(ROOT, args.dir!), Number(args.reports), args.fresh);
      const cluster = await startCluster({ databaseUrl: db.url, instances, port, firstAppPort, distDir: args["dist-dir"]!, pageTtl: args["page-ttl"] });
      const mix = await pickPublicMix(db.url);
      await measure(
        `${db.label}, ${Number(args.reports).toLocaleString("en-US")} reports; ${instances} instances behind nginx (load average now ${loadAverage()})`,
        cluster.nginx,
        cluster.instances[0]!,
        mix,
        port + 1,
        { nginx: cluster.nginxPids, database: db.pids, instances: cluster.instancePids },
      );
    } finally {
      await stopAll();
    }
  }
}

function readBuildId(dist: string): string {
  try {
    return fs.readFileSync(path.join(ROOT, dist, "BUILD_ID"), "utf8").trim();
  } catch {
    return "?";
  }
}

function gitHead(): string {
  const r = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" });
  return r.stdout.trim() || "?";
}


main().catch(async (e) => {
  console.error(e instanceof Error ? e.stack || e.message : e);
  await stopAll();
  process.exit(1);
});
