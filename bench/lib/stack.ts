// The production stack on this machine for the load benchmarks: a database (a private PostgreSQL server or the
// embedded PGlite served by its own owner process) filled with scripts/bench-data.ts, and scripts/cluster.ts (N
// `next start` instances of a build behind nginx with the shared page cache) on it. Everything started here is
// stopped by stopAll(), also on Ctrl+C.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startPrivatePostgres } from "../../scripts/lib/private-postgres";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export type DbKind = "postgresql" | "embedded";

/** Command-line options of every load benchmark (node:util parseArgs), for the database and the cluster. */
export const STACK_OPTIONS = {
  db: { type: "string", default: "postgresql" },
  reports: { type: "string", default: "20000" },
  instances: { type: "string", default: "2" },
  port: { type: "string", default: "8180" },
  "first-app-port": { type: "string", default: "3401" },
  "dist-dir": { type: "string", default: ".next-bench" },
  dir: { type: "string", default: "tmp/bench-load" },
  fresh: { type: "boolean", default: false },
  /** how long nginx keeps a public page (scripts/cluster.ts --page-ttl); publishing purges it in any case */
  "page-ttl": { type: "string", default: "60s" },
} as const;

/** The --db list: postgresql, embedded or both. */
export function dbKinds(list: string): DbKind[] {
  return list.split(",").map((s) => {
    const k = s.trim();
    if (k !== "postgresql" && k !== "embedded") throw new Error(`--db: postgresql or embedded, not ${k}`);
    return k;
  });
}

export interface Database {
  kind: DbKind;
  url: string;
  /** what it is, for the printed header */
  label: string;
  /** the server's root process ids (PostgreSQL's postmaster, PGlite's owner), for CPU accounting */
  pids(): number[];
}

const stoppers: (() => void | Promise<void>)[] = [];

/** Stops everything this process started, newest first. */
export async function stopAll(): Promise<void> {
  while (stoppers.length) {
    try {
      await stoppers.pop()!();
    } catch (e) {
      console.error(`[bench] stopping: ${(e as Error).message}`);
    }
  }
}

for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => void stopAll().finally(() => process.exit(130)));
}

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Date, CPUs, memory, Node and the load average right now: the figures mean little without it. */
export function machineLine(): string {
  const cpu = os.cpus();
  return (
    `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${cpu.length} × ${cpu[0]?.model?.trim() ?? "CPU"}, ` +
    `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`
  );
}

/** The 1, 5 and 15 minute load averages. */
export function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(" ");
}

function runScript(url: string, script: string, args: string[]): void {
  const res = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", process.stderr, process.stderr],
  });
  if (res.status !== 0) throw new Error(`${script} ${args.join(" ")} failed (exit ${res.status})`);
}

/**
 * Applies pending migrations and, unless the database already holds exactly `reports` reports besides the
 * benchmark's own filing-season reports, refills it with scripts/bench-data.ts (deterministic: the same N gives the
 * same data, so figures of two runs compare).
 */
async function ensureData(url: string, reports: number): Promise<void> {
  try {
    runScript(url, "scripts/migrate.ts", ["deploy"]);
  } catch (e) {
    throw new Error(`${(e as Error).message}: if the migrations changed under the kept database, start over with --fresh`);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let held: number;
  try {
    held = Number(
      (
        await client.query(
          `SELECT count(*)::int AS n FROM "Report" r
           WHERE NOT EXISTS (SELECT 1 FROM "AuditEvent" e JOIN "user" u ON u.id = e."actorId"
                             WHERE e."reportId" = r.id AND e.action = 'CREATED' AND u.username LIKE 'bench-clerk-%')`,
        )
      ).rows[0].n,
    );
  } finally {
    await client.end();
  }
  if (held === reports) return;
  log(`filling the database with ${reports} reports (it held ${held}); minutes for tens of thousands`);
  runScript(url, "scripts/bench-data.ts", ["--reports", String(reports), "--reset", "--no-check"]);
}

/**
 * A filled database of `kind` under `dir`: PostgreSQL as database nb_load_<reports> of a private server in
 * <dir>/pg (kept between runs), the embedded one as <dir>/pglite-<reports> with its owner process running here.
 * `fresh` drops it first.
 */
export async function openDatabase(kind: DbKind, dir: string, reports: number, fresh = false): Promise<Database> {
  fs.mkdirSync(dir, { recursive: true });
  if (kind === "postgresql") {
    // settings a production server of this size would have; the defaults (128 MB shared buffers) are for tiny hosts
    const server = await startPrivatePostgres(path.join(dir, "pg"), { shared_buffers: "1GB", max_connections: "200", synchronous_commit: "on" });
    stoppers.push(() => server.stop());
    const name = `nb_load_${reports}`;
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    const version = (await admin.query("SHOW server_version")).rows[0].server_version as string;
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    if (!(await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount) await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = server.urlOf(name);
    await ensureData(url, reports);
    const pidFile = path.join(dir, "pg", "data", "postmaster.pid");
    return { kind, url, label: `PostgreSQL ${version} (private server, shared_buffers 1GB)`, pids: () => [readPid(pidFile)] };
  }
  const pgliteDir = path.join(dir, `pglite-${reports}`);
  if (fresh) fs.rmSync(pgliteDir, { recursive: true, force: true });
  const owner = await startEmbeddedOwner(pgliteDir);
  await ensureData(owner.url, reports);
  return { kind, url: owner.url, label: `embedded PGlite (${path.relative(ROOT, pgliteDir)}, served by its owner process)`, pids: () => [owner.pid] };
}

function readPid(file: string): number {
  try {
    return Number(fs.readFileSync(file, "utf8").split("\n")[0]) || 0;
  } catch {
    return 0;
  }
}

/** scripts/with-db.ts --serve as a child: the single owner of the PGlite folder, serving it on 127.0.0.1. */
async function startEmbeddedOwner(pgliteDir: string): Promise<{ url: string; pid: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/with-db.ts"), "--serve"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: pgliteDir, PGLITE_PORT: "" },
    stdio: ["ignore", "inherit", "pipe"],
  });
  stoppers.push(() => stopChild(child));
  return new Promise((resolve, reject) => {
    let seen = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      process.stderr.write(text.replace(/^/gm, "[pglite] "));
      seen += text;
      const m = /DATABASE_URL=(\S+)/.exec(seen);
      if (m) resolve({ url: m[1]!, pid: child.pid! });
    });
    child.on("exit", (code) => reject(new Error(`the embedded database owner exited (${code}) before serving`)));
  });
}

/** SIGTERM, then waits (bounded) for the exit: the PGlite owner must close its folder before anything reopens it. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve();
    }, 20_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export interface Cluster {
  /** nginx with the page cache */
  nginx: string;
  /** the instances, straight (no cache) */
  instances: string[];
  /** its files (nginx.conf, cache, logs) */
  prefix: string;
  /** root process ids of the instances (scripts/cluster.ts and its `next start` children) and of nginx */
  instancePids(): number[];
  nginxPids(): number[];
}

export interface ClusterOptions {
  databaseUrl: string;
  instances: number;
  port: number;
  firstAppPort: number;
  /** BETTER_AUTH_SECRET for every instance (sessions minted by the benchmark must verify) */
  authSecret?: string;
  distDir: string;
  pageTtl: string;
}

/** scripts/cluster.ts on the database, with the build in `distDir`; resolves once nginx answers. */
export async function startCluster(o: ClusterOptions): Promise<Cluster> {
  if (!fs.existsSync(path.join(ROOT, o.distDir, "BUILD_ID"))) {
    throw new Error(`no build in ${o.distDir}: run NEXT_DIST_DIR=${o.distDir} npx next build first`);
  }
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-bench-cluster-"));
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: o.databaseUrl, NEXT_DIST_DIR: o.distDir };
  if (o.authSecret) env.BETTER_AUTH_SECRET = o.authSecret;
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(ROOT, "scripts/cluster.ts"),
      "--instances",
      String(o.instances),
      "--port",
      String(o.port),
      "--first-app-port",
      String(o.firstAppPort),
      "--prefix",
      prefix,
      "--page-ttl",
      o.pageTtl,
    ],
    { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  stoppers.push(async () => {
    await stopChild(child);
    fs.rmSync(prefix, { recursive: true, force: true });
  });
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      process.stderr.write(text.replace(/^(?=.)/gm, "[cluster] "));
      if (text.includes("[cluster] nginx on")) resolve();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`scripts/cluster.ts exited (${code}) before it was up`)));
  });
  return {
    nginx: `http://127.0.0.1:${o.port}`,
    instances: Array.from({ length: o.instances }, (_, i) => `http://127.0.0.1:${o.firstAppPort + i}`),
    prefix,
    instancePids: () => [child.pid ?? 0],
    nginxPids: () => [readPid(path.join(prefix, "nginx.pid"))],
  };
}

/** Ports in use by someone else make a run meaningless (or hit another agent's servers): refuse them. */
export async function assertPortsFree(ports: number[]): Promise<void> {
  const net = await import("node:net");
  for (const port of ports) {
    const free = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once("error", () => resolve(false));
      s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
    });
    if (!free) throw new Error(`port ${port} is in use: pick other ports (--port, --first-app-port)`);
  }
}
