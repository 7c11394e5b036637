// wrk (Debian package `wrk`, C and LuaJIT: it takes far less of the two cores than a Node load generator would) over
// a list of paths, each request a random one of them, with the figures read back as JSON from a Lua done() hook.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface WrkResult {
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** responses other than 2xx/3xx */
  badStatus: number;
  /** connect, read, write errors and timeouts */
  socketErrors: number;
  mbPerSec: number;
}

export function assertWrk(): void {
  if (spawnSync("wrk", ["--version"]).error) throw new Error("wrk not found: apt-get install wrk");
}

// One request per call to request(), a uniformly random path of the list (seeded per thread, so threads differ).
const LUA = `
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do paths[#paths + 1] = line end
-- what browsers send: the cache holds gzip copies, and the app compresses with gzip
local headers = { ["Accept-Encoding"] = "gzip, deflate, br, zstd" }
local cookie = os.getenv("WRK_COOKIE")
if cookie and cookie ~= "" then headers["Cookie"] = cookie end
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter * 7919)
end
function init(args)
  math.randomseed(seed or os.time())
end
function request()
  return wrk.format("GET", paths[math.random(#paths)], headers)
end
-- a paced run: each connection waits between its requests, so the connections together ask for WRK_RATE req/s
local pause = tonumber(os.getenv("WRK_PAUSE_MS") or "0")
if pause > 0 then
  function delay()
    return math.random(0, 2 * pause)
  end
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRKJSON {"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
`;

export interface WrkOptions {
  /** origin, e.g. http://127.0.0.1:8180 */
  base: string;
  paths: string[];
  connections: number;
  seconds: number;
  threads?: number;
  /** sent with every request (a session cookie makes nginx bypass its cache) */
  cookie?: string;
  timeoutSeconds?: number;
  /** requests per second all connections together ask for (0 or absent: as fast as they can) */
  rate?: number;
  /** told wrk's process id once it runs (for CPU accounting) */
  onPid?: (pid: number) => void;
  /** stops wrk early (SIGINT: it still reports what it measured until then) */
  signal?: AbortSignal;
}

/** Runs wrk in the background; await the result. */
export function runWrk(o: WrkOptions): Promise<WrkResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-wrk-"));
  const script = path.join(dir, "mix.lua");
  const list = path.join(dir, "paths.txt");
  fs.writeFileSync(script, LUA);
  fs.writeFileSync(list, o.paths.join("\n") + "\n");
  const threads = Math.min(o.threads ?? 2, o.connections);
  const args = ["-t", String(threads), "-c", String(o.connections), "-d", `${o.seconds}s`, "--timeout", `${o.timeoutSeconds ?? 10}s`, "-s", script, o.base + o.paths[0]];
  return new Promise((resolve, reject) => {
    const child = spawn("wrk", args, { env: { ...process.env, WRK_PATHS: list, WRK_COOKIE: o.cookie ?? "", WRK_PAUSE_MS: o.rate ? String(Math.round((o.connections * 1000) / o.rate)) : "0" }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("error", reject);
    if (child.pid) o.onPid?.(child.pid);
    o.signal?.addEventListener("abort", () => child.kill("SIGINT"), { once: true });
    child.on("exit", (code) => {
      fs.rmSync(dir, { recursive: true, force: true });
      const line = out.split("\n").find((l) => l.startsWith("WRKJSON "));
      if ((code !== 0 && !o.signal?.aborted) || !line) return reject(new Error(`wrk failed (exit ${code}): ${err || out}`));
      const j = JSON.parse(line.slice(8)) as Record<string, number>;
      const seconds = j.duration_us! / 1e6;
      resolve({
        requests: j.requests!,
        seconds,
        rps: j.requests! / seconds,
        p50Ms: j.p50! / 1000,
        p90Ms: j.p90! / 1000,
        p99Ms: j.p99! / 1000,
        maxMs: j.max! / 1000,
        badStatus: j.status!,
        socketErrors: j.connect! + j.read! + j.write! + j.timeout!,
        mbPerSec: j.bytes! / seconds / 2 ** 20,
      });
    });
  });
}

export const fmtMs = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
