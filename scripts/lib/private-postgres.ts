// A private PostgreSQL server from Debian's binaries (/usr/lib/postgresql/<version>/bin) in a folder of our own, on
// 127.0.0.1 and a free port, for benchmarks and tests that need a real server (scripts/test-postgres.sh is the same
// for the shell). The cluster folder is kept between runs, so a filled benchmark database is reused. As root the
// server runs as the `postgres` user, since initdb and postgres refuse to run as root.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export interface PrivatePostgres {
  /** URL of the `postgres` database (create others with it) */
  adminUrl: string;
  /** URL of another database on the same server */
  urlOf(database: string): string;
  port: number;
  bin: string;
  /** stops the server (fast shutdown); the folder stays */
  stop(): void;
}

/** The newest installed PostgreSQL's bin folder, or null. */
export function postgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length ? path.join(root, versions[versions.length - 1]!, "bin") : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL binary, as `postgres` when we are root. */
function runAsPostgres(bin: string, tool: string, args: string[]): void {
  const cmd = path.join(bin, tool);
  const res = isRoot()
    ? spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", [cmd, ...args].map(shellQuote).join(" ")], { encoding: "utf8" })
    : spawnSync(cmd, args, { encoding: "utf8" });
  if (res.status !== 0) throw new Error(`${tool} ${args.join(" ")} failed: ${res.stderr || res.stdout || res.error?.message}`);
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * Starts (after initdb, when the folder is new) a private server whose cluster lives in `<dir>/data`. `settings`
 * are extra `-c name=value` server settings.
 */
export async function startPrivatePostgres(dir: string, settings: Record<string, string> = {}): Promise<PrivatePostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error("PostgreSQL is not installed (apt-get install postgresql).");
  dir = path.resolve(dir);
  fs.mkdirSync(dir, { recursive: true });
  if (isRoot()) execFileSync("chown", ["postgres", dir]);
  const data = path.join(dir, "data");
  if (!fs.existsSync(path.join(data, "PG_VERSION"))) {
    runAsPostgres(bin, "initdb", ["-D", data, "-E", "UTF8", "--locale=C.UTF-8", "-U", "postgres", "--auth=trust"]);
  }
  // a server left running by a killed benchmark: stop it first (its port is unknown to us)
  if (fs.existsSync(path.join(data, "postmaster.pid"))) {
    try {
      runAsPostgres(bin, "pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
    } catch {
      // not running (a stale pid file): pg_ctl start copes with it
    }
  }
  const port = await freePort();
  const options = [`-c listen_addresses=127.0.0.1`, `-p ${port}`, `-k ${dir}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(" ");
  runAsPostgres(bin, "pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-w", "-t", "120", "-o", options, "start"]);
  const urlOf = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    adminUrl: urlOf("postgres"),
    urlOf,
    port,
    bin,
    stop() {
      if (stopped) return;
      stopped = true;
      runAsPostgres(bin, "pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
    },
  };
}
