// Backup and restore of both databases (docs/deploy.md "Backup and restore"), used by scripts/backup.ts and
// scripts/restore.ts:
//   - PostgreSQL (DATABASE_URL): pg_dump's custom format (-Fc), restored in one transaction that first empties schema
//     public, so a failed restore leaves the database as it was;
//   - the embedded database (PGLITE_DIR, default data/pglite): a .tar.gz of the data folder, taken either by this
//     process holding the folder's lock (no owner running) or through the running owner: a transaction on its wire
//     server has the database to itself (every other connection waits), so after a CHECKPOINT the folder on disk is
//     consistent for as long as the transaction stays open — long enough to copy it (the app pauses meanwhile), then
//     the copy is compressed. A restore needs the owner stopped.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { acquireLock, embeddedDataDir, findOwner, lockPath, urlForPort } from "../../lib/db/embedded/lock";

export type BackupKind = "postgresql" | "embedded";

export class BackupError extends Error {}

/** A PostgreSQL client tool: PG_BIN/<tool>, else the newest /usr/lib/postgresql/<v>/bin/<tool>, else PATH. */
export function pgTool(tool: "pg_dump" | "pg_restore" | "psql"): string {
  if (process.env.PG_BIN) return path.join(process.env.PG_BIN, tool);
  const root = "/usr/lib/postgresql";
  if (fs.existsSync(root)) {
    const versions = fs
      .readdirSync(root)
      .filter((v) => fs.existsSync(path.join(root, v, "bin", tool)))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length) return path.join(root, versions[0]!, "bin", tool);
  }
  return tool;
}

function stamp(d = new Date()): string {
  return d.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}

export function defaultBackupFile(kind: BackupKind): string {
  return path.resolve("data/backups", kind === "postgresql" ? `nianbao-${stamp()}.dump` : `nianbao-embedded-${stamp()}.tar.gz`);
}

/** What a backup file holds, from its first bytes: pg_dump's custom format starts with PGDMP, gzip with 1f 8b. */
export function backupKindOf(file: string): BackupKind | null {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(5);
    fs.readSync(fd, head, 0, 5, 0);
    if (head.toString("latin1") === "PGDMP") return "postgresql";
    if (head[0] === 0x1f && head[1] === 0x8b) return "embedded";
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

function run(cmd: string, args: string[], opts: { input?: NodeJS.ReadableStream } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: [opts.input ? "pipe" : "ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += d));
    if (opts.input) opts.input.pipe(child.stdin!);
    child.on("error", (e) => reject(new BackupError(`Cannot run ${cmd}: ${e.message}`)));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new BackupError(`${path.basename(cmd)} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

// ---- PostgreSQL -------------------------------------------------------------------------------------------------

/** pg_dump -Fc of the whole database (schema, data, the migration history), without owners or grants. */
export async function backupPostgres(url: string, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  await run(pgTool("pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", "--file", tmp, "--dbname", url]);
  fs.renameSync(tmp, file);
}

/**
 * Replaces everything in the database's schema public with the backup, in one transaction: pg_restore turns the dump
 * into SQL, psql runs `DROP SCHEMA public CASCADE` and that SQL with --single-transaction and ON_ERROR_STOP, so on
 * any error nothing changes.
 */
export async function restorePostgres(url: string, file: string): Promise<void> {
  const restore = spawn(pgTool("pg_restore"), ["--no-owner", "--no-privileges", "--file", "-", file], { stdio: ["ignore", "pipe", "pipe"] });
  let restoreErr = "";
  restore.stderr!.on("data", (d) => (restoreErr += d));
  const restored = new Promise<void>((resolve, reject) => {
    restore.on("error", (e) => reject(new BackupError(`Cannot run pg_restore: ${e.message}`)));
    restore.on("exit", (code) => (code === 0 ? resolve() : reject(new BackupError(`pg_restore failed (exit ${code}): ${restoreErr.trim()}`))));
  });
  const applied = run(
    pgTool("psql"),
    [
      ...["--no-psqlrc", "--quiet", "--output", "/dev/null", "--set", "ON_ERROR_STOP=1", "--single-transaction", "--dbname", url],
      ...["--command", "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;", "--file", "-"],
    ],
    { input: restore.stdout! },
  );
  await Promise.all([restored, applied]);
}

// ---- embedded ---------------------------------------------------------------------------------------------------

function tarFolder(dir: string, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  return run("tar", ["--create", "--gzip", "--file", tmp, "--directory", dir, "."]).then(() => fs.renameSync(tmp, file));
}

/**
 * A .tar.gz of the embedded data folder. With an owner running, through it (the database is paused for other
 * connections while the folder is copied); otherwise under the folder's lock. Returns which way it went.
 */
export async function backupEmbedded(file: string, dir = embeddedDataDir()): Promise<"through the running owner" | "folder locked"> {
  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) throw new BackupError(`${dir} holds no embedded database.`);
  const owner = findOwner(dir);
  if (owner?.port) {
    const client = new pg.Client({ connectionString: urlForPort(owner.port) });
    await client.connect();
    // The database is paused only while its files are copied (at disk speed), not while they are compressed.
    const snapshot = `${file}.snapshot`;
    fs.rmSync(snapshot, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      try {
        // The owner's wire server runs no other connection while this one has a transaction open.
        await client.query("BEGIN");
        await client.query("CHECKPOINT");
        await fs.promises.cp(dir, snapshot, { recursive: true });
        await client.query("COMMIT");
      } finally {
        await client.end().catch(() => {});
      }
      await tarFolder(snapshot, file);
    } finally {
      fs.rmSync(snapshot, { recursive: true, force: true });
    }
    return "through the running owner";
  }
  acquireLock(dir);
  try {
    await tarFolder(dir, file);
  } finally {
    fs.rmSync(lockPath(dir), { force: true });
  }
  return "folder locked";
}

/**
 * Replaces the embedded data folder with the backup's. Refused while an owner runs. The current folder is kept
 * beside it as <dir>.before-restore-<time> (returned), and the backup is unpacked next to it first, so an unreadable
 * backup leaves the folder as it was.
 */
export async function restoreEmbedded(file: string, dir = embeddedDataDir()): Promise<string | null> {
  acquireLock(dir); // throws EmbeddedDatabaseOwnedError when a running process owns it
  try {
    const incoming = `${dir}.restoring`;
    fs.rmSync(incoming, { recursive: true, force: true });
    fs.mkdirSync(incoming, { recursive: true });
    try {
      await run("tar", ["--extract", "--gzip", "--file", file, "--directory", incoming]);
      if (!fs.existsSync(path.join(incoming, "PG_VERSION"))) throw new BackupError(`${file} is not a backup of an embedded database folder.`);
    } catch (e) {
      fs.rmSync(incoming, { recursive: true, force: true });
      throw e;
    }
    let kept: string | null = null;
    if (fs.existsSync(dir)) {
      kept = `${dir}.before-restore-${stamp()}`;
      fs.renameSync(dir, kept);
    }
    fs.renameSync(incoming, dir);
    return kept;
  } finally {
    fs.rmSync(lockPath(dir), { force: true });
  }
}

/** Rows of the report tables, for the scripts' closing line. */
export async function countReportData(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, number> = {};
    for (const t of ["Agency", "Report", "ReportRevision", "Cell", "AuditEvent", "user"]) {
      out[t] = Number((await client.query(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n);
    }
    return out;
  } finally {
    await client.end();
  }
}

export function pgToolsAvailable(): boolean {
  return spawnSync(pgTool("pg_dump"), ["--version"]).status === 0;
}
