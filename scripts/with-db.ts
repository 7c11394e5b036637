// Runs a command against the project's database, so that scripts, the portal and tests never open the embedded
// data folder themselves:
//   DATABASE_URL set          → the command runs against that PostgreSQL server;
//   embedded database running → the command gets its URL;
//   otherwise                 → this process becomes the embedded database's single owner while the command runs.
// Usage: tsx scripts/with-db.ts [--check] [--serve] [-- command args…]
import { spawn } from "node:child_process";
import { openEmbeddedDatabase, EmbeddedDatabaseOwnedError, type EmbeddedDatabase } from "../lib/db/embedded/owner";
import { resolveDatabaseUrl } from "../lib/db/url";
import { checkDatabase } from "../lib/db/health";

async function main() {
  const argv = process.argv.slice(2);
  const sep = argv.indexOf("--");
  const flags = sep >= 0 ? argv.slice(0, sep) : argv.filter((a) => a.startsWith("--"));
  const command = sep >= 0 ? argv.slice(sep + 1) : argv.filter((a) => !a.startsWith("--"));
  const check = flags.includes("--check");
  const serve = flags.includes("--serve");

  let embedded: EmbeddedDatabase | null = null;
  let url = resolveDatabaseUrl();
  if (!url) {
    try {
      embedded = await openEmbeddedDatabase({ port: Number(process.env.PGLITE_PORT || 0) });
    } catch (e) {
      if (e instanceof EmbeddedDatabaseOwnedError) fail(e.message);
      throw e;
    }
    url = embedded.url;
    console.error(`[db] embedded database ${process.env.PGLITE_DIR || "data/pglite"} serving on 127.0.0.1:${embedded.port}`);
  }

  const shutdown = async (code: number) => {
    await embedded?.close().catch(() => {});
    process.exit(code);
  };

  if (check) {
    const health = await checkDatabase(url);
    if (!health.ok) {
      console.error(`\n${health.message}\n`);
      await shutdown(1);
    }
  }

  if (command.length === 0) {
    if (!serve) fail("Nothing to run. Usage: with-db [--check] [--serve] -- <command…>");
    console.error(`[db] DATABASE_URL=${url}  (Ctrl+C stops)`);
    for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => void shutdown(0));
    return;
  }

  const child = spawn(command[0], command.slice(1), {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url },
  });
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(sig, () => child.kill(sig));
  }
  child.on("error", (e) => {
    console.error(`Cannot run ${command[0]}: ${e.message}`);
    void shutdown(127);
  });
  child.on("exit", (code, signal) => void shutdown(code ?? (signal ? 1 : 0)));
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
