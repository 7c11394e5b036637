// Loads the region tree into the Region table: bulk upserts of 5,000 rows per statement (unnest arrays), parents
// before children. Idempotent: when every row is already there it does nothing; otherwise it inserts what is missing
// and updates rows whose name, level, parent or initials differ. Rows that are not in the source are left alone.
import { bulkInsert, countRows, qualified, type Queryable, type SqlTarget } from "./db";
import { buildRegionRows, expectedRegionCount, passThroughCodes, type RegionRow } from "./source";

export interface LoadRegionsOptions extends SqlTarget {
  /** upsert every row even when the table already holds as many source rows as expected */
  force?: boolean;
  batchSize?: number;
  /** rows to load instead of the full source (tests) */
  rows?: readonly RegionRow[];
}

export interface LoadRegionsResult {
  /** rows in the source */
  total: number;
  /** rows inserted or changed by this call */
  written: number;
  skipped: boolean;
  ms: number;
}

export async function loadRegions(q: Queryable, opts: LoadRegionsOptions = {}): Promise<LoadRegionsResult> {
  const started = performance.now();
  const table = qualified(opts, "Region");
  const total = opts.rows ? opts.rows.length : expectedRegionCount();

  const passThrough = passThroughCodes();
  const list = passThrough.map((c) => `'${c}'`).join(", ");
  if (!opts.force && !opts.rows) {
    // Already loaded? Count the source's own rows (pass-through codes are not loaded), check one deep chain and that
    // nothing hangs under a pass-through row, so a partial or older load is completed instead of skipped.
    const present = await countRows(q, table, `"code" ~ '^[0-9]+$' AND "code" NOT IN (${list})`);
    const underPassThrough = await countRows(q, table, `"parentCode" IN (${list})`);
    const chain = await q.query(
      `SELECT t."parentCode" AS county, c."parentCode" AS prefecture FROM ${table} t JOIN ${table} c ON c."code" = t."parentCode" WHERE t."code" = '230522100'`,
    );
    if (present >= total && underPassThrough === 0 && chain.rows[0]?.county === "230522" && chain.rows[0]?.prefecture === "2305") {
      return { total, written: 0, skipped: true, ms: performance.now() - started };
    }
  }

  const rows = opts.rows ?? buildRegionRows();
  const written = await bulkInsert(
    q,
    table,
    [
      { name: "code", type: "text" },
      { name: "name", type: "text" },
      { name: "level", type: "int4" },
      { name: "parentCode", type: "text" },
      { name: "initials", type: "text" },
    ],
    rows.map((r) => [r.code, r.name, r.level, r.parentCode, r.initials]),
    {
      batchSize: opts.batchSize ?? 5_000,
      suffix:
        `ON CONFLICT ("code") DO UPDATE SET "name" = EXCLUDED."name", "level" = EXCLUDED."level", ` +
        `"parentCode" = EXCLUDED."parentCode", "initials" = EXCLUDED."initials" ` +
        `WHERE (${table}."name", ${table}."level", ${table}."parentCode", ${table}."initials") IS DISTINCT FROM ` +
        `(EXCLUDED."name", EXCLUDED."level", EXCLUDED."parentCode", EXCLUDED."initials")`,
      returning: `"code"`,
    },
  );
  if (!opts.rows) {
    // pass-through rows an older load may have left, once nothing refers to them any more
    await q.query(
      `DELETE FROM ${table} AS r WHERE r."code" IN (${list})` +
        ` AND NOT EXISTS (SELECT 1 FROM ${table} c WHERE c."parentCode" = r."code")` +
        ` AND NOT EXISTS (SELECT 1 FROM ${qualified(opts, "Agency")} a WHERE a."regionCode" = r."code")` +
        ` AND NOT EXISTS (SELECT 1 FROM ${qualified(opts, "user")} u WHERE u."regionCode" = r."code")` +
        ` AND NOT EXISTS (SELECT 1 FROM ${qualified(opts, "DeadlineOverride")} d WHERE d."regionCode" = r."code")`,
    );
  }
  return { total, written: written.length, skipped: false, ms: performance.now() - started };
}
