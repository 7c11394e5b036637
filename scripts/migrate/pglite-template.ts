// Fresh in-memory PGlite databases, fast.
//
// PGlite runs initdb for every new instance: 3.5–5 s each on the build machine, and `dev` needs two of them. A
// data folder dumped right after initdb loads in about 1 s, so the first run dumps one to the temp folder and
// later runs (and later instances of the same run) start from it. The file is keyed by PGlite's version; a
// dump that fails to load is deleted and rebuilt. Delete the file at any time: it is only a cache.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

let template: Blob | undefined;

/**
 * The extensions the project's embedded database loads (lib/db/embedded/owner.ts), so that a migration with
 * CREATE EXTENSION pg_trgm replays on the engine's shadow database as it deploys. About 0.2 s per instance.
 */
const extensions = { pg_trgm };

function templatePath(): string {
  const require = createRequire(import.meta.url);
  // The package does not export its package.json; it sits one level above the resolved dist/ entry.
  const pkgJson = path.join(path.dirname(require.resolve("@electric-sql/pglite")), "..", "package.json");
  const { version } = JSON.parse(readFileSync(pkgJson, "utf8")) as { version: string };
  const user = os.userInfo().username.replace(/[^\w.-]/g, "_");
  return path.join(os.tmpdir(), `nianbao-migrate-${user}`, `pglite-${version}-initdb.tar`);
}

function readTemplate(file: string): Blob | undefined {
  try {
    return new Blob([readFileSync(file)]);
  } catch {
    return undefined;
  }
}

/** Save the dump under a temporary name, then rename: a concurrent run never reads half a file. */
function writeTemplate(file: string, data: Buffer): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, data);
    renameSync(partial, file);
  } catch {
    // The cache is an optimisation: a read-only temp folder only makes the next run slower.
  }
}

/** A new, empty in-memory PGlite database (pg_trgm available, not created). */
export async function newPglite(): Promise<PGlite> {
  const file = templatePath();
  template ??= readTemplate(file);
  if (template) {
    try {
      return await PGlite.create({ loadDataDir: template, extensions });
    } catch {
      template = undefined;
      rmSync(file, { force: true });
    }
  }
  const db = await PGlite.create({ extensions });
  // Dump before anything is written to it: the template must be a pristine initdb.
  template = await db.dumpDataDir("none");
  writeTemplate(file, Buffer.from(await template.arrayBuffer()));
  return db;
}
