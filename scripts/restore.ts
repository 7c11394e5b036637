// Restores a backup made by scripts/backup.ts (docs/deploy.md "Backup and restore"), replacing everything in the
// database.
//   npm run db:restore -- FILE --force
// With DATABASE_URL: a pg_dump file, restored in one transaction (schema public emptied first; on any error the
// database stays as it was). Without: an embedded-database .tar.gz, unpacked in place of the data folder (PGLITE_DIR,
// default data/pglite), which must not be in use: stop npm start first. The replaced folder is kept beside it.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { describeUrl } from "../lib/db/url";
import { embeddedDataDir, EmbeddedDatabaseOwnedError } from "../lib/db/embedded/lock";
import { openEmbeddedDatabase } from "../lib/db/embedded/owner";
import { backupKindOf, BackupError, countReportData, restoreEmbedded, restorePostgres } from "./lib/backup";

const USAGE = "Usage: restore FILE --force   (replaces everything in the database: DATABASE_URL, else the embedded database)";

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { force: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } },
  });
  if (values.help) return console.log(USAGE);
  if (positionals.length !== 1) throw new BackupError(USAGE);
  const file = path.resolve(positionals[0]!);
  if (!fs.existsSync(file)) throw new BackupError(`No such file: ${file}`);
  const url = process.env.DATABASE_URL;
  const target = url ? "postgresql" : "embedded";
  const kind = backupKindOf(file);
  if (kind !== target) {
    throw new BackupError(
      kind === null
        ? `${file} is not a nianbao backup (neither a pg_dump custom-format file nor an embedded-database .tar.gz).`
        : `${file} is a backup of ${kind === "postgresql" ? "a PostgreSQL database" : "the embedded database"}, but the target is ` +
            `${url ? `the PostgreSQL database ${describeUrl(url)}` : "the embedded database (DATABASE_URL is not set)"}.`,
    );
  }
  if (!values.force) throw new BackupError(`A restore replaces everything in the database. Run it with --force.\n${USAGE}`);
  const started = performance.now();
  let counts: Record<string, number>;
  if (url) {
    console.log(`Restoring ${path.relative(process.cwd(), file)} into ${describeUrl(url)}…`);
    await restorePostgres(url, file);
    counts = await countReportData(url);
  } else {
    const dir = embeddedDataDir();
    console.log(`Restoring ${path.relative(process.cwd(), file)} into the embedded database ${path.relative(process.cwd(), dir) || dir}…`);
    const kept = await restoreEmbedded(file, dir);
    if (kept) console.log(`The replaced folder is kept as ${path.relative(process.cwd(), kept)} (delete it when the restore is confirmed).`);
    const db = await openEmbeddedDatabase({ dir });
    try {
      counts = await countReportData(db.url);
    } finally {
      await db.close();
    }
  }
  console.log(
    `Restored in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
      Object.entries(counts).map(([t, n]) => `${n} ${t}`).join(", ") +
      ". Run npm run db:migrate if the backup predates newer migrations.",
  );
}

main().catch((e) => {
  console.error(e instanceof BackupError || e instanceof EmbeddedDatabaseOwnedError ? e.message : e);
  process.exit(1);
});
