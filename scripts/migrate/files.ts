// The migrations folder, read and written exactly as the Prisma CLI does (prisma 7.10, `listMigrations` and
// `createMigration` in its build), so that the real `prisma migrate` accepts the same history.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { MigrationList, SchemaContainer } from "@prisma/schema-engine-wasm";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DEFAULT_SCHEMA_PATH = path.join(ROOT, "prisma/schema.prisma");
export const DEFAULT_MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");

const LOCK_FILE = "migration_lock.toml";
const MIGRATION_FILE = "migration.sql";

/** Where the command reads from. Overridable (--schema / --migrations) so tests can work on copies. */
export interface Paths {
  schema: string;
  migrationsDir: string;
}

export async function readSchema(schemaPath: string): Promise<SchemaContainer> {
  const content = await readFile(schemaPath, "utf8").catch((err: Error) => {
    throw new UserError(`Cannot read the Prisma schema: ${err.message}`);
  });
  return { path: schemaPath, content };
}

/**
 * The migrations list in the shape the schema engine wants, built like the CLI builds it: every directory
 * under the folder is a migration (a missing migration.sql is passed on as an error for the engine to report),
 * sorted by name.
 */
export async function readMigrations(migrationsDir: string): Promise<MigrationList> {
  const lockContent = await readFile(path.join(migrationsDir, LOCK_FILE), "utf8").catch(() => null);
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = await Promise.all(
    entries
      .filter((e) => e.isDirectory())
      .map(async (e) => ({
        path: e.name,
        migrationFile: {
          path: MIGRATION_FILE,
          content: await readFile(path.join(migrationsDir, e.name, MIGRATION_FILE), "utf8").then(
            (value) => ({ tag: "ok" as const, value }),
            (err: Error) => ({ tag: "error" as const, value: err.message }),
          ),
        },
      })),
  );
  // Same comparison as the CLI (localeCompare): timestamps make it chronological.
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCK_FILE, content: lockContent },
    migrationDirectories,
    shadowDbInitScript: "",
  };
}

/**
 * The migrations of this folder were written for PostgreSQL (as `prisma migrate deploy` checks, error P3019):
 * a lock file naming another provider means SQL for another database.
 */
export function checkLockfile(list: MigrationList): void {
  const provider = list.lockfile.content?.match(/^\s*provider\s*=\s*"([^"]*)"/m)?.[1];
  if (provider !== undefined && provider !== "postgresql") {
    throw new UserError(
      `${path.join(list.baseDir, LOCK_FILE)} says provider = "${provider}", but this database is PostgreSQL: ` +
        "these migrations were made for another database",
    );
  }
}

/** A migration on disk, ready to be compared with the database or applied. */
export interface LocalMigration {
  name: string;
  script: string;
  checksum: string;
}

/** The migrations of a list, failing clearly on a directory without its migration.sql or a foreign lock file. */
export function localMigrations(list: MigrationList): LocalMigration[] {
  checkLockfile(list);
  return list.migrationDirectories.map((dir) => {
    const content = dir.migrationFile.content;
    if (content.tag === "error") {
      throw new UserError(`Migration ${dir.path} has no readable ${MIGRATION_FILE}: ${content.value}`);
    }
    return { name: dir.path, script: content.value, checksum: checksum(content.value) };
  });
}

/** Prisma's checksum: sha256 of the script's UTF-8 bytes, lower-case hex, 64 characters. */
export function checksum(script: string): string {
  return createHash("sha256").update(script, "utf8").digest("hex");
}

/**
 * Whether a stored checksum belongs to this script, with the engine's rules (schema-engine checksum.rs): the
 * script as it is, with CRLF turned into LF, or LF into CRLF (a checkout with other line endings is not an
 * edit); and a stored checksum that is not 64 characters long is compared in the old format of early engine
 * versions, which did not zero-pad each byte.
 */
export function checksumMatches(script: string, stored: string): boolean {
  const variants = [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\n", "\r\n")];
  return variants.some((s) => {
    const digest = createHash("sha256").update(s, "utf8").digest();
    const rendered =
      stored.length !== 0 && stored.length !== 64
        ? Array.from(digest, (b) => b.toString(16)).join("")
        : digest.toString("hex");
    return rendered === stored;
  });
}

/** Write a new migration and the lock file, as `prisma migrate dev` does. Returns the new directory. */
export async function writeMigration(
  migrationsDir: string,
  directoryName: string,
  script: string,
  connectorType: string,
): Promise<string> {
  const dir = path.join(migrationsDir, directoryName);
  if (existsSync(dir)) throw new UserError(`The migration directory already exists at ${dir}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, MIGRATION_FILE), script, "utf8");
  await writeFile(
    path.join(migrationsDir, LOCK_FILE),
    "# Please do not edit this file manually\n" +
      "# It should be added in your version-control system (e.g., Git)\n" +
      `provider = "${connectorType}"\n`,
    "utf8",
  );
  return dir;
}

/** An error whose message is the whole story: printed as one line, without a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
