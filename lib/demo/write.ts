// Writes a demo data set with bulk statements (unnest arrays, thousands of rows each): agencies (upserted by their
// unique region + name, so ids survive a reset when nothing else changed), reports, revisions, cells, the
// published-revision pointers and the audit trail. writeDemo does it in one transaction; DemoWriter in parts, for
// data sets too big to hold in memory at once (scripts/bench-data.ts).
import { bulkInsert, countRows, qualified, utcTimestamp, type Queryable, type SqlTarget } from "../regions/db";
import type { DemoDataset, DemoReport } from "./generate";

export interface WriteOptions extends SqlTarget {
  /** rows per statement for cells (default 20,000) */
  cellBatchSize?: number;
  /** progress messages */
  log?: (message: string) => void;
  /**
   * Skip the foreign-key trigger of the Cell inserts (SET LOCAL session_replication_role = replica, for those
   * statements only). Every revisionId comes from the RETURNING of this same transaction, so the check cannot fail;
   * skipping it makes the cell load about 2.5× faster on the embedded database. Needs a superuser (the embedded
   * database's user is one); "auto" (the default) uses it when the connection is a superuser.
   */
  skipCellForeignKeyCheck?: boolean | "auto";
}

export interface WriteResult {
  agencies: number;
  reports: number;
  revisions: number;
  cells: number;
  audit: number;
  /** milliseconds per step */
  ms: Record<string, number>;
}

const SECTION_COLUMNS = ["s1_overall", "s2_active", "s3_requests", "s4_reviewLitigation", "s5_problems", "s6_other"] as const;

export async function writeDemo(q: Queryable, ds: DemoDataset, opts: WriteOptions = {}): Promise<WriteResult> {
  await q.query("BEGIN");
  try {
    const w = new DemoWriter(q, opts);
    await w.writeAgencies(ds.agencies);
    await w.writeReports(ds.reports);
    await q.query("COMMIT");
    return w.result();
  } catch (e) {
    await q.query("ROLLBACK").catch(() => {});
    throw e;
  }
}

/**
 * Writes a data set in parts, inside transactions the caller opens: writeDemo writes everything in one, and
 * scripts/bench-data.ts one per chunk of a streamed data set (streamDemo). Agency ids are remembered across calls,
 * so a chunk's departments and reports may belong to agencies written by an earlier chunk.
 */
export class DemoWriter {
  private readonly agencyId = new Map<string, number>();
  private skipFk: boolean | undefined;
  private readonly totals = { agencies: 0, reports: 0, revisions: 0, cells: 0, audit: 0 };
  private readonly ms: Record<string, number> = {};

  constructor(
    private readonly q: Queryable,
    private readonly opts: WriteOptions = {},
  ) {}

  /** counts written so far, and milliseconds per step summed over every call */
  result(): WriteResult {
    return { ...this.totals, ms: { ...this.ms } };
  }

  private t(name: string): string {
    return qualified(this.opts, name);
  }

  private timer() {
    let mark = performance.now();
    return (step: string) => {
      const now = performance.now();
      const ms = Math.round(now - mark);
      this.ms[step] = (this.ms[step] ?? 0) + ms;
      mark = now;
      this.opts.log?.(`  ${step}: ${ms} ms`);
    };
  }

  private idOf(key: string): number {
    const id = this.agencyId.get(key);
    if (id === undefined) throw new Error(`agency ${key} was not written`);
    return id;
  }

  /** Upserts agencies on (regionCode, name); a parent must be in this call or an earlier one. */
  async writeAgencies(agencies: DemoDataset["agencies"]): Promise<void> {
    const { q } = this;
    const t = (name: string) => this.t(name);
    const lap = this.timer();
    const agencyRows = await bulkInsert(
      q,
      t("Agency"),
      [
        { name: "name", type: "text" },
        { name: "kind", type: `${t("AgencyKind")}` },
        { name: "regionCode", type: "text" },
        { name: "initials", type: "text" },
        { name: "createdAt", type: "timestamp" },
      ],
      agencies.map((a) => [a.name, a.kind, a.regionCode, a.initials, utcTimestamp(a.createdAt)]),
      {
        suffix: `ON CONFLICT ("regionCode", "name") DO UPDATE SET "kind" = EXCLUDED."kind", "initials" = EXCLUDED."initials"`,
        returning: `"id", "regionCode", "name"`,
      },
    );
    for (const r of agencyRows) this.agencyId.set(`${r.regionCode}:${r.name}`, Number(r.id));
    const parents = agencies.map((a) => [this.idOf(a.key), a.parentKey ? this.idOf(a.parentKey) : null] as const);
    await q.query(
      `UPDATE ${t("Agency")} AS a SET "parentId" = u.p FROM unnest($1::int4[], $2::int4[]) AS u(id, p) WHERE a."id" = u.id`,
      [parents.map((p) => p[0]), parents.map((p) => p[1])],
    );
    this.totals.agencies += agencies.length;
    lap("agencies");
  }

  /** Reports with their revisions, cells, published pointers and audit events; their agencies must be written. */
  async writeReports(reports: readonly DemoReport[]): Promise<void> {
    const { q, opts } = this;
    const t = (name: string) => this.t(name);
    const lap = this.timer();

    // ---- reports
    const reportRows = await bulkInsert(
      q,
      t("Report"),
      [
        { name: "agencyId", type: "int4" },
        { name: "year", type: "int4" },
        { name: "formatVersion", type: "text" },
        { name: "scope", type: t("ReportScope") },
        { name: "status", type: t("ReportStatus") },
        { name: "firstPublishedAt", type: "timestamp" },
        { name: "createdAt", type: "timestamp" },
        { name: "updatedAt", type: "timestamp" },
      ],
      reports.map((r) => [
        this.idOf(r.agencyKey),
        r.year,
        r.formatVersion,
        r.scope,
        r.status,
        r.firstPublishedAt ? utcTimestamp(r.firstPublishedAt) : null,
        utcTimestamp(r.createdAt),
        utcTimestamp(r.updatedAt),
      ]),
      { returning: `"id", "agencyId", "year"` },
    );
    const reportId = new Map<string, number>(reportRows.map((r) => [`${r.agencyId}/${r.year}`, Number(r.id)]));
    const reportIdOf = (agencyKey: string, year: number) => reportId.get(`${this.idOf(agencyKey)}/${year}`)!;
    lap("reports");

    // ---- revisions
    const revisionInput = reports.flatMap((r) => {
      const rid = reportIdOf(r.agencyKey, r.year);
      return r.revisions.map((rev) => [
        rid,
        rev.number,
        rev.state,
        rev.reason,
        ...SECTION_COLUMNS.map((s) => rev.sections[s]),
        JSON.stringify(rev.prefilled),
        rev.lockVersion,
        utcTimestamp(rev.createdAt),
        utcTimestamp(rev.updatedAt),
        rev.submittedAt ? utcTimestamp(rev.submittedAt) : null,
        rev.publishedAt ? utcTimestamp(rev.publishedAt) : null,
      ]);
    });
    const revisionRows = await bulkInsert(
      q,
      t("ReportRevision"),
      [
        { name: "reportId", type: "int4" },
        { name: "number", type: "int4" },
        { name: "state", type: t("RevisionState") },
        { name: "reason", type: "text" },
        ...SECTION_COLUMNS.map((name) => ({ name, type: "text" })),
        { name: "prefilled", type: "jsonb", expr: `ARRAY(SELECT jsonb_array_elements_text(u."prefilled"))` },
        { name: "lockVersion", type: "int4" },
        { name: "createdAt", type: "timestamp" },
        { name: "updatedAt", type: "timestamp" },
        { name: "submittedAt", type: "timestamp" },
        { name: "publishedAt", type: "timestamp" },
      ],
      revisionInput,
      { returning: `"id", "reportId", "number"`, batchSize: 2_000 },
    );
    const revisionId = new Map<string, number>(revisionRows.map((r) => [`${r.reportId}/${r.number}`, Number(r.id)]));
    const revisionIdOf = (rid: number, n: number) => revisionId.get(`${rid}/${n}`)!;
    lap("revisions");

    // ---- cells: one row per cell key, NULL for a blank cell
    const batch = opts.cellBatchSize ?? 20_000;
    const cellSql =
      `INSERT INTO ${t("Cell")} ("revisionId", "key", "value") ` +
      `SELECT * FROM unnest($1::int4[], $2::text[], $3::numeric[])`;
    this.skipFk ??=
      opts.skipCellForeignKeyCheck === true ||
      ((opts.skipCellForeignKeyCheck ?? "auto") === "auto" &&
        (await q.query(`SELECT current_setting('is_superuser') AS su`)).rows[0]?.su === "on");
    if (this.skipFk) await q.query("SET LOCAL session_replication_role = replica");
    let ids: number[] = [];
    let keys: string[] = [];
    let values: (string | null)[] = [];
    const flush = async () => {
      if (ids.length === 0) return;
      await q.query(cellSql, [ids, keys, values]);
      this.totals.cells += ids.length;
      ids = [];
      keys = [];
      values = [];
    };
    for (const r of reports) {
      const rid = reportIdOf(r.agencyKey, r.year);
      for (const rev of r.revisions) {
        const vid = revisionIdOf(rid, rev.number);
        for (const [k, v] of Object.entries(rev.cells)) {
          ids.push(vid);
          keys.push(k);
          values.push(v === null || v === undefined ? null : String(v));
        }
        if (ids.length >= batch) await flush();
      }
    }
    await flush();
    if (this.skipFk) await q.query("SET LOCAL session_replication_role = origin");
    lap("cells");

    // ---- published pointers
    const pointers = reports
      .filter((r) => r.publishedRevisionNumber !== null)
      .map((r) => {
        const rid = reportIdOf(r.agencyKey, r.year);
        return [rid, revisionIdOf(rid, r.publishedRevisionNumber!)] as const;
      });
    await q.query(
      `UPDATE ${t("Report")} AS r SET "publishedRevisionId" = u.rev FROM unnest($1::int4[], $2::int4[]) AS u(id, rev) WHERE r."id" = u.id`,
      [pointers.map((p) => p[0]), pointers.map((p) => p[1])],
    );
    lap("published pointers");

    // ---- audit trail, in time order (within this call)
    const auditInput = reports.flatMap((r) => {
      const rid = reportIdOf(r.agencyKey, r.year);
      return r.audit.map((e) => [utcTimestamp(e.at), e.action, rid, revisionIdOf(rid, e.revisionNumber), JSON.stringify(e.detail)]);
    });
    auditInput.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
    await bulkInsert(
      q,
      t("AuditEvent"),
      [
        { name: "at", type: "timestamp" },
        { name: "action", type: t("AuditAction") },
        { name: "reportId", type: "int4" },
        { name: "revisionId", type: "int4" },
        { name: "detail", type: "jsonb" },
      ],
      auditInput,
    );
    lap("audit");

    this.totals.reports += reports.length;
    this.totals.revisions += revisionRows.length;
    this.totals.audit += auditInput.length;
  }
}

export interface ExistingData {
  agencies: number;
  reports: number;
}

export async function existingDemoData(q: Queryable, target: SqlTarget = {}): Promise<ExistingData> {
  return {
    agencies: await countRows(q, qualified(target, "Agency")),
    reports: await countRows(q, qualified(target, "Report")),
  };
}

/**
 * Removes every report (revisions, cells, comments, audit events) and every agency no user account points at.
 * Identity sequences restart, so a reset followed by a seed gives the same ids as a seed of an empty database.
 */
export async function resetDemoData(q: Queryable, target: SqlTarget = {}): Promise<{ reports: number; agencies: number; keptAgencies: number }> {
  const t = (name: string) => qualified(target, name);
  const before = await existingDemoData(q, target);
  await q.query("BEGIN");
  try {
    // CASCADE also empties tables added later that hang off reports or revisions (they are report data too)
    await q.query(`TRUNCATE ${t("AuditEvent")}, ${t("ReviewComment")}, ${t("Cell")}, ${t("ReportRevision")}, ${t("Report")} RESTART IDENTITY CASCADE`);
    await q.query(`UPDATE ${t("Agency")} SET "parentId" = NULL WHERE "parentId" IS NOT NULL`);
    await q.query(`DELETE FROM ${t("Agency")} AS a WHERE NOT EXISTS (SELECT 1 FROM ${t("user")} AS u WHERE u."agencyId" = a."id")`);
    const seq = `pg_get_serial_sequence('${t("Agency").replace(/'/g, "''")}', 'id')`;
    await q.query(`SELECT setval(${seq}, COALESCE((SELECT max("id") FROM ${t("Agency")}), 0) + 1, false)`);
    await q.query("COMMIT");
  } catch (e) {
    await q.query("ROLLBACK").catch(() => {});
    throw e;
  }
  const kept = await countRows(q, t("Agency"));
  return { reports: before.reports, agencies: before.agencies - kept, keptAgencies: kept };
}
