// One database for the whole unit/integration run: TEST_DATABASE_URL (a PostgreSQL server, as in CI) or a fresh
// embedded database in a temporary folder owned by this process. Test files reach it with inject("databaseUrl");
// they create their own rows (unique names), so files can run in parallel.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { openEmbeddedDatabase, type EmbeddedDatabase } from "../lib/db/embedded/owner";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "postgresql" | "embedded";
  }
}

let embedded: EmbeddedDatabase | null = null;
let tmpDir: string | null = null;

export async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-test-"));
    embedded = await openEmbeddedDatabase({ dir: path.join(tmpDir, "pglite") });
    url = embedded.url;
  }
  if (fs.existsSync("prisma/migrations")) {
    const args = process.env.TEST_DATABASE_URL ? ["reset", "--force"] : ["deploy"];
    // Asynchronously: this process serves the embedded database the child migrates.
    try {
      await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/migrate.ts", ...args], {
        env: { ...process.env, DATABASE_URL: url },
      });
    } catch (e) {
      const err = e as { stderr?: string; stdout?: string };
      throw new Error(`Migrating the test database failed:\n${err.stderr || err.stdout || e}`);
    }
  }
  project.provide("databaseUrl", url);
  project.provide("databaseKind", process.env.TEST_DATABASE_URL ? "postgresql" : "embedded");
}

export async function teardown() {
  await embedded?.close();
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
}
