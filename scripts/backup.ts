// Backs up the project's database (docs/deploy.md "Backup and restore").
//   npm run db:backup [-- --out FILE]
// With DATABASE_URL: pg_dump's custom format (-Fc) of that PostgreSQL database. Without: a .tar.gz of the embedded
// data folder (PGLITE_DIR, default data/pglite), online through the running owner (npm start) or under the folder's
// lock when nothing runs. The file goes to data/backups/ unless --out names one.
import path from "node:path";
import { parseArgs } from "node:util";
import { describeUrl } from "../lib/db/url";
import { embeddedDataDir, EmbeddedDatabaseOwnedError } from "../lib/db/embedded/lock";
import { backupEmbedded, backupPostgres, BackupError, defaultBackupFile } from "./lib/backup";

async function main() {
  const { values } = parseArgs({ options: { out: { type: "string" }, help: { type: "boolean", short: "h", default: false } } });
  if (values.help) {
    console.log("Usage: backup [--out FILE]   (DATABASE_URL: PostgreSQL with pg_dump; otherwise the embedded database folder)");
    return;
  }
  const url = process.env.DATABASE_URL;
  const started = performance.now();
  if (url) {
    const file = path.resolve(values.out ?? defaultBackupFile("postgresql"));
    console.log(`Backing up ${describeUrl(url)} with pg_dump…`);
    await backupPostgres(url, file);
    console.log(`Written ${path.relative(process.cwd(), file)} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    return;
  }
  const dir = embeddedDataDir();
  const file = path.resolve(values.out ?? defaultBackupFile("embedded"));
  console.log(`Backing up the embedded database ${path.relative(process.cwd(), dir) || dir}…`);
  const how = await backupEmbedded(file, dir);
  console.log(`Written ${path.relative(process.cwd(), file)} (${how}) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((e) => {
  console.error(e instanceof BackupError || e instanceof EmbeddedDatabaseOwnedError ? e.message : e);
  process.exit(1);
});
