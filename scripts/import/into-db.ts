// `--into-db --agency <id>`: stores each parsed report as a DRAFT of that agency's report for its year through
// lib/db/import-draft (the same code path as the web import) — never as published, and only where it overwrites
// nothing (an agency/year that already has a report is skipped with a message). Runs against DATABASE_URL or the
// running embedded database. lib/db is server-only: run with `--conditions=react-server` (`npm run -s import`).
import type { ImportResult } from "../../lib/import";
import { db, disconnect } from "../../lib/db/client";
import { storeParsedReport } from "../../lib/db/import-draft";

export function databaseSink(agencyId: number) {
  // a command-line run needs few connections
  process.env.DB_POOL_SIZE ??= "2";
  let failures = 0;
  return {
    get failures() {
      return failures;
    },
    async accept(file: string, result: ImportResult) {
      const outcome = await storeParsedReport("cli", { agencyId, file, result, mode: "draft" });
      if (!outcome.ok) failures++;
      console.error(`${file}：${outcome.message}`);
    },
    async close() {
      await disconnect();
    },
  };
}
