// Runs the production set-up on one machine: N instances of the built portal (`next start`) on one database, behind
// nginx with the shared page cache (deploy/nginx/nianbao.conf.template). For the multi-instance browser test, the
// load benchmarks and trying the set-up by hand; docs/deploy.md describes the same thing for real servers.
//
//   DATABASE_URL=postgres://… npx tsx scripts/cluster.ts [--instances 2] [--port 8080] [--first-app-port 3301]
//                                                       [--page-ttl 60s] [--prefix DIR]
//
// Needs a build (npm run build) and nginx with the cache-purge module (apt-get install nginx-light
// libnginx-mod-http-cache-purge). Stops everything on SIGINT/SIGTERM.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    instances: { type: "string", default: "2" },
    port: { type: "string", default: "8080" },
    "first-app-port": { type: "string", default: "3301" },
    "page-ttl": { type: "string", default: "60s" },
    prefix: { type: "string" },
  },
});

const root = path.resolve(import.meta.dirname, "..");
const instances = Number(args.instances);
const port = Number(args.port);
const firstAppPort = Number(args["first-app-port"]);
const prefix = path.resolve(args.prefix ?? fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-cluster-")));
const children: ChildProcess[] = [];

function fail(message: string): never {
  console.error(`[cluster] ${message}`);
  process.exit(2);
}

function renderNginxConfig(): string {
  const template = fs.readFileSync(path.join(root, "deploy/nginx/nianbao.conf.template"), "utf8");
  const upstreams = Array.from({ length: instances }, (_, i) => `    server 127.0.0.1:${firstAppPort + i};`).join("\n");
  return template
    .replaceAll("{{PREFIX}}", prefix)
    .replaceAll("{{UPSTREAMS}}", upstreams)
    .replaceAll("{{LISTEN}}", `127.0.0.1:${port}`)
    .replaceAll("{{PAGE_TTL}}", args["page-ttl"]!);
}

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.body?.cancel();
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function stopAll() {
  for (const c of children) c.kill("SIGTERM");
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) fail("DATABASE_URL is required: every instance must use the same database.");
  if (!fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) fail("no build: run npm run build first.");
  if (spawnSync("nginx", ["-v"]).status !== 0) fail("nginx not found: apt-get install nginx-light libnginx-mod-http-cache-purge");

  fs.mkdirSync(path.join(prefix, "cache"), { recursive: true });
  fs.writeFileSync(path.join(prefix, "nginx.conf"), renderNginxConfig());
  // Started as root, nginx's workers run as www-data (Debian's default user): they must be able to write the cache.
  if (process.getuid?.() === 0) {
    const uid = Number(spawnSync("id", ["-u", "www-data"], { encoding: "utf8" }).stdout.trim());
    const gid = Number(spawnSync("id", ["-g", "www-data"], { encoding: "utf8" }).stdout.trim());
    if (Number.isInteger(uid) && Number.isInteger(gid)) {
      fs.chmodSync(prefix, 0o755);
      fs.chownSync(path.join(prefix, "cache"), uid, gid);
    }
  }

  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    CACHE_PURGE_URLS: `http://127.0.0.1:${port}/__purge`,
    // one secret for all instances, so that a session made on one is valid on every other
    BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET || randomBytes(32).toString("base64url"),
    BETTER_AUTH_URL: process.env.BETTER_AUTH_URL || `http://127.0.0.1:${port}`,
    // the same lifetime as nginx's, which each instance spreads out over the pages it renders (proxy.ts)
    PUBLIC_PAGE_TTL: args["page-ttl"]!,
    BETTER_AUTH_TRUSTED_ORIGINS: Array.from({ length: instances }, (_, i) => `http://127.0.0.1:${firstAppPort + i}`).join(","),
  };
  for (let i = 0; i < instances; i++) {
    const p = firstAppPort + i;
    // NIANBAO_CPU_PROF_DIR: write a V8 CPU profile of each instance there when it stops (bench investigations;
    // NODE_OPTIONS does not allow --cpu-prof)
    const profDir = process.env.NIANBAO_CPU_PROF_DIR;
    const nextArgs = ["start", "-H", "127.0.0.1", "-p", String(p)];
    const child = profDir
      ? spawn(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${profDir}`, path.join(root, "node_modules/next/dist/bin/next"), ...nextArgs], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] })
      : spawn(path.join(root, "node_modules/.bin/next"), nextArgs, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
    child.on("exit", (code, signal) => {
      if (!stopping) {
        console.error(`[cluster] instance on port ${p} exited (${signal ?? code}); stopping`);
        shutdown(1);
      }
    });
    children.push(child);
  }
  await Promise.all(Array.from({ length: instances }, (_, i) => waitFor(`http://127.0.0.1:${firstAppPort + i}/`, 120_000)));
  // In the foreground, as our child and in our process group: whoever stops us (even with SIGKILL to the group)
  // stops nginx and its workers too, and no stray nginx keeps the port.
  const nginx = spawn("nginx", ["-p", prefix, "-c", path.join(prefix, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "inherit", "inherit"] });
  nginx.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`[cluster] nginx exited (${signal ?? code}); stopping`);
      shutdown(1);
    }
  });
  children.push(nginx);
  await waitFor(`http://127.0.0.1:${port}/`, 10_000);
  console.log(
    `[cluster] nginx on http://127.0.0.1:${port}/ in front of ${instances} instances (ports ${firstAppPort}–${firstAppPort + instances - 1}); files in ${prefix}`,
  );
}

let stopping = false;
function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  stopAll();
  setTimeout(() => process.exit(code), 500).unref();
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

main().catch((e) => {
  console.error(e);
  shutdown(1);
});
