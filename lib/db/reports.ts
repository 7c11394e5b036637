import "server-only";
// The working copy of a report: start, read, save (optimistic lock, one statement), submit. Every function takes
// the acting user and checks their scope itself, so a caller cannot forget to (server actions check it too).
import { Prisma } from "@/lib/generated/prisma/client";
import type { AgencyKind, ReportScope, ReportStatus, RevisionState } from "@/lib/generated/prisma/enums";
import {
  SECTION_KEYS,
  allKeys,
  blankLeafCells,
  cellsSchema,
  computeDerived,
  formatForYear,
  issueKey,
  isFormatVersion,
  prefillFromPrevious,
  sectionsSchema,
  validate,
  type CellMap,
  type FormatVersion,
  type Issue,
  type SectionKey,
} from "@/lib/format";
import { canEditReport, canReadWorkingCopy, canStartReport, canSubmitReport, type Actor } from "@/lib/auth/roles";
import { db } from "./client";
import { cellsFromRows, completeCells, numericText, readCells, replaceCells } from "./revision-cells";
import { ISO_UTC, prismaSql, sql } from "./sql";

export type Sections = Record<SectionKey, string>;

export interface DraftInput {
  reportId: number;
  lockVersion: number;
  cells: unknown;
  sections: unknown;
  explanations: unknown;
}

export type Failure =
  | { ok: false; kind: "notFound" | "forbidden" | "readOnly"; message: string }
  | { ok: false; kind: "invalid"; message: string; fieldErrors: Record<string, string[]> }
  | {
      ok: false;
      kind: "conflict";
      message: string;
      current: { lockVersion: number; cells: CellMap; sections: Sections; savedAt: string; savedBy: string };
    };

export type SaveOutcome = { ok: true; lockVersion: number; savedAt: string } | Failure;
export type SubmitOutcome =
  | { ok: true; reportId: number }
  | Failure
  | { ok: false; kind: "blocked"; message: string; errors: Issue[]; blanks: string[]; missingExplanations: string[] };

const NOT_FOUND: Failure = { ok: false, kind: "notFound", message: "报告不存在。" };
const FORBIDDEN: Failure = { ok: false, kind: "forbidden", message: "您无权操作该报告。" };

function sectionsOf(r: Record<SectionKey, string>): Sections {
  return Object.fromEntries(SECTION_KEYS.map((k) => [k, r[k]])) as Sections;
}

const SECTION_COLUMNS = SECTION_KEYS.map((k) => `v."${k}"`).join(", ");
const toDate = (iso: string | null) => (iso === null ? null : new Date(iso));

/**
 * A report, its agency and its newest revision, for the form and the review page. Plain SQL (lib/db/sql.ts): the
 * form page is opened by every clerk at the start of each sitting.
 */
async function loadWorking(reportId: number) {
  const [row] = await sql().query<
    {
      id: number;
      year: number;
      formatVersion: string;
      scope: string;
      status: string;
      agencyId: number;
      agencyName: string;
      regionCode: string;
      agencyKind: string;
      revisionId: number;
      number: number;
      state: string;
      reason: string | null;
      explanations: unknown;
      prefilled: string[];
      lockVersion: number;
      createdAt: string;
      updatedAt: string;
      submittedAt: string | null;
      publishedAt: string | null;
      publishedById: string | null;
    } & Sections
  >(
    `SELECT r.id, r.year, r."formatVersion", r.scope::text AS scope, r.status::text AS status, r."agencyId",
            a.name AS "agencyName", a."regionCode", a.kind::text AS "agencyKind",
            v.id AS "revisionId", v.number, v.state::text AS state, v.reason, ${SECTION_COLUMNS}, v.explanations, v.prefilled,
            v."lockVersion", ${ISO_UTC('v."createdAt"')} AS "createdAt", ${ISO_UTC('v."updatedAt"')} AS "updatedAt",
            ${ISO_UTC('v."submittedAt"')} AS "submittedAt", ${ISO_UTC('v."publishedAt"')} AS "publishedAt", v."publishedById"
     FROM "Report" r
     JOIN "Agency" a ON a.id = r."agencyId"
     JOIN LATERAL (SELECT * FROM "ReportRevision" v WHERE v."reportId" = r.id ORDER BY v.number DESC LIMIT 1) v ON true
     WHERE r.id = $1`,
    [reportId],
  );
  if (!row) return null;
  return {
    report: {
      id: row.id,
      year: row.year,
      formatVersion: row.formatVersion,
      scope: row.scope as ReportScope,
      status: row.status as ReportStatus,
      agencyId: row.agencyId,
      agency: { id: row.agencyId, name: row.agencyName, regionCode: row.regionCode, kind: row.agencyKind as AgencyKind },
    },
    revision: {
      id: row.revisionId,
      reportId: row.id,
      number: row.number,
      state: row.state as RevisionState,
      reason: row.reason,
      ...sectionsOf(row),
      explanations: row.explanations,
      prefilled: row.prefilled,
      lockVersion: row.lockVersion,
      createdAt: new Date(row.createdAt),
      updatedAt: new Date(row.updatedAt),
      submittedAt: toDate(row.submittedAt),
      publishedAt: toDate(row.publishedAt),
      publishedById: row.publishedById,
    },
  };
}

/** Every review comment on any revision of the report, oldest first. */
async function listComments(reportId: number) {
  const rows = await sql().query<{ section: string | null; body: string; round: number; createdAt: string; authorName: string }>(
    `SELECT c.section, c.body, c.round, ${ISO_UTC('c."createdAt"')} AS "createdAt", u.name AS "authorName"
     FROM "ReviewComment" c JOIN "ReportRevision" v ON v.id = c."revisionId" JOIN "user" u ON u.id = c."authorId"
     WHERE v."reportId" = $1
     ORDER BY c."createdAt", c.id`,
    [reportId],
  );
  return rows.map((c) => ({ section: c.section, body: c.body, round: c.round, createdAt: new Date(c.createdAt), author: { name: c.authorName } }));
}

/**
 * What a save or a submission needs to know about a report: its scope and its newest revision. One plain statement:
 * this runs on every autosave of every clerk.
 */
async function loadForWrite(reportId: number) {
  const [row] = await sql().query<{
    id: number;
    year: number;
    formatVersion: string;
    status: string;
    agencyId: number;
    regionCode: string;
    revisionId: number | null;
  }>(
    `SELECT r.id, r.year, r."formatVersion", r.status::text AS status, r."agencyId", a."regionCode",
            (SELECT v.id FROM "ReportRevision" v WHERE v."reportId" = r.id ORDER BY v.number DESC LIMIT 1) AS "revisionId"
     FROM "Report" r JOIN "Agency" a ON a.id = r."agencyId"
     WHERE r.id = $1`,
    [reportId],
  );
  if (!row || row.revisionId === null) return null;
  return { ...row, status: row.status as ReportStatus, revisionId: row.revisionId };
}

export async function getWorkingReport(actor: Actor, reportId: number) {
  const loaded = await loadWorking(reportId);
  if (!loaded) return null;
  const { report, revision } = loaded;
  const scope = { agencyId: report.agencyId, agencyRegionCode: report.agency.regionCode, status: report.status };
  if (!canReadWorkingCopy(actor, scope)) return "forbidden" as const;
  const [cells, previous, comments] = await Promise.all([
    readCells(sql(), revision.id),
    previousYearCells(report.agencyId, report.year),
    listComments(reportId),
  ]);
  return {
    report,
    revision,
    cells,
    sections: sectionsOf(revision),
    previous,
    comments,
    editable: canEditReport(actor, scope),
  };
}

/** Last year's published (or else newest) cells of the same agency, for pre-filling and cross-year checks. */
export async function previousYearCells(agencyId: number, year: number): Promise<{ formatVersion: FormatVersion; cells: CellMap } | null> {
  const rows = await sql().query<{ formatVersion: string; key: string | null; value: string | null }>(
    `SELECT p."formatVersion", c.key, c.value::text AS value
     FROM "Report" p
     JOIN LATERAL (
       SELECT COALESCE(p."publishedRevisionId", (SELECT v.id FROM "ReportRevision" v WHERE v."reportId" = p.id ORDER BY v.number DESC LIMIT 1)) AS id
     ) rev ON rev.id IS NOT NULL
     LEFT JOIN "Cell" c ON c."revisionId" = rev.id
     WHERE p."agencyId" = $1 AND p.year = $2`,
    [agencyId, year - 1],
  );
  const formatVersion = rows[0]?.formatVersion;
  if (!formatVersion || !isFormatVersion(formatVersion)) return null;
  const cells: CellMap = {};
  for (const r of rows) if (r.key !== null) cells[r.key] = r.value === null ? null : Number(r.value);
  return { formatVersion, cells };
}

/** Creates the report of `year` for an agency with the year's format, pre-filled from last year's report. */
export async function startReport(actor: Actor, agencyId: number, year: number) {
  if (!Number.isInteger(year) || year < 2019 || year > 2100) {
    return { ok: false as const, kind: "invalid" as const, message: "年度不正确：平台收录2019年度起的报告。" };
  }
  const agency = await db().agency.findUnique({ where: { id: agencyId }, select: { id: true, regionCode: true, kind: true } });
  if (!agency) return NOT_FOUND;
  if (!canStartReport(actor, agency)) return FORBIDDEN;
  const existing = await db().report.findUnique({ where: { agencyId_year: { agencyId, year } }, select: { id: true } });
  if (existing) return { ok: true as const, reportId: existing.id, created: false };
  const version = formatForYear(year);
  const prefill = prefillFromPrevious(version, await previousYearCells(agencyId, year));
  try {
    const reportId = await db().$transaction(async (tx) => {
      const report = await tx.report.create({
        data: { agencyId, year, formatVersion: version, scope: agency.kind === "GOVERNMENT" ? "SUMMARY" : "OWN", status: "DRAFT" },
      });
      const revision = await tx.reportRevision.create({ data: { reportId: report.id, number: 1, prefilled: prefill.keys } });
      await replaceCells(prismaSql(tx), revision.id, version, prefill.cells);
      await tx.auditEvent.create({
        data: { action: "CREATED", reportId: report.id, revisionId: revision.id, actorId: actor.id, detail: { year, formatVersion: version, prefilled: prefill.keys } },
      });
      return report.id;
    });
    return { ok: true as const, reportId, created: true };
  } catch (e) {
    // Two clicks at once: the unique (agency, year) index lets one through; the other opens the same report.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const again = await db().report.findUniqueOrThrow({ where: { agencyId_year: { agencyId, year } }, select: { id: true } });
      return { ok: true as const, reportId: again.id, created: false };
    }
    throw e;
  }
}

/**
 * A report's cells and six sections as the form and every other writer send them, checked with the format engine's
 * zod schemas; field errors are keyed by cell key, section key or "form".
 */
export function parseCellsAndSections(
  version: FormatVersion,
  cellsInput: unknown,
  sectionsInput: unknown,
): { ok: true; cells: CellMap; sections: Sections } | { ok: false; fieldErrors: Record<string, string[]> } {
  const fieldErrors: Record<string, string[]> = {};
  const cells = cellsSchema(version).safeParse(cellsInput);
  if (!cells.success) {
    for (const issue of cells.error.issues) {
      const key = issue.path.map(String).join(".") || "form";
      (fieldErrors[key] ??= []).push(issue.message);
    }
  }
  const sections = sectionsSchema.safeParse(sectionsInput);
  if (!sections.success) {
    for (const issue of sections.error.issues) {
      const key = String(issue.path[0] ?? "form");
      (fieldErrors[key] ??= []).push(issue.message);
    }
  }
  if (!cells.success || !sections.success) return { ok: false, fieldErrors };
  return { ok: true, cells: cells.data as CellMap, sections: sections.data as Sections };
}

function parseDraft(version: FormatVersion, input: DraftInput) {
  const parsed = parseCellsAndSections(version, input.cells, input.sections);
  const fieldErrors = parsed.ok ? {} : parsed.fieldErrors;
  const explanations = explanationsSchema(input.explanations);
  if (explanations === null) (fieldErrors.explanations ??= []).push("说明格式不正确。");
  if (!parsed.ok || explanations === null) {
    return { ok: false as const, failure: { ok: false as const, kind: "invalid" as const, message: "有内容未通过检查，未保存。请按提示修改。", fieldErrors } };
  }
  return { ok: true as const, cells: parsed.cells, sections: parsed.sections, explanations };
}

function explanationsSchema(x: unknown): Record<string, string> | null {
  if (x === undefined || x === null) return {};
  if (typeof x !== "object" || Array.isArray(x)) return null;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(x)) {
    if (typeof v !== "string" || k.length > 200 || v.length > 2000) return null;
    if (v.trim()) out[k] = v.trim();
  }
  return Object.keys(out).length > 400 ? null : out;
}

/**
 * Saves the whole working copy in one statement, only if nobody saved since `lockVersion`: the revision's row is
 * locked before its version is compared, so of two concurrent saves from the same version exactly one wins and the
 * other, once the winner commits, sees the new version and gets a conflict with the winner's copy.
 */
export async function saveDraft(actor: Actor, input: DraftInput): Promise<SaveOutcome> {
  const report = await loadForWrite(input.reportId);
  if (!report || !isFormatVersion(report.formatVersion)) return NOT_FOUND;
  const scope = { agencyId: report.agencyId, agencyRegionCode: report.regionCode, status: report.status };
  if (!canReadWorkingCopy(actor, scope)) return FORBIDDEN;
  if (!canEditReport(actor, scope)) return { ok: false, kind: "readOnly", message: "报告已提交或已发布，不能修改。" };
  const parsed = parseDraft(report.formatVersion, input);
  if (!parsed.ok) return parsed.failure;
  return writeDraft(actor, report, report.formatVersion, parsed, input.lockVersion);
}

type ParsedDraft = Extract<ReturnType<typeof parseDraft>, { ok: true }>;

/**
 * A save as one statement. $1 revision, $2 the lockVersion the form started from, $3/$4 every cell key of the format
 * and its value as numeric text (derived cells computed by the format engine), $5–$10 the six sections, $11 the
 * explanations (JSON), $12 report, $13 actor. Returns the new lockVersion and time, or no row when the version or
 * state no longer allows it (the caller then reports a conflict or read-only).
 *
 * Under READ COMMITTED `rev` waits for a concurrent save's row lock, then re-checks its condition on the committed
 * row: the loser finds the version moved on, `rev` is empty and every other part does nothing. Every writer of a
 * draft's cells holds this row lock and moves lockVersion on, so the cells read here are those of the version locked.
 * Only changed cells are written (an autosave changes a few of ~200; each written row also costs the RevisionValues
 * trigger); missing ones are inserted and stray ones removed. The audit entry lists each changed cell with its old
 * and new value and the changed sections, and is written only when something changed. A pre-filled cell the clerk
 * changed is no longer last year's value.
 */
// The six section columns and their parameters ($5–$10, in SECTION_KEYS order), written once.
const SECTION_PARAM = (i: number) => `$${5 + i}::text`;
const SECTION_SELECT = SECTION_KEYS.map((k) => `"${k}"`).join(", ");
const SECTION_CHANGES = SECTION_KEYS.map((k, i) => `(${i + 1}, '${k}', rev."${k}", ${SECTION_PARAM(i)})`).join(",\n    ");
const SECTION_SET = SECTION_KEYS.map((k, i) => `"${k}" = ${SECTION_PARAM(i)}`).join(", ");

const SAVE_DRAFT_SQL = `
WITH rev AS (
  SELECT id, prefilled, ${SECTION_SELECT}
  FROM "ReportRevision"
  WHERE id = $1 AND "lockVersion" = $2 AND state IN ('DRAFT', 'RETURNED')
  FOR UPDATE
),
incoming AS (SELECT u.key, u.value::numeric AS value FROM unnest($3::text[], $4::text[]) AS u(key, value)),
stored AS (SELECT c.key, c.value FROM "Cell" c JOIN rev ON c."revisionId" = rev.id),
changes AS (
  SELECT COALESCE(i.key, s.key) AS key, s.value AS old, i.value AS new, s.key IS NULL AS missing, i.key IS NULL AS stray
  FROM incoming i FULL JOIN stored s ON s.key = i.key
  WHERE EXISTS (SELECT 1 FROM rev) AND (i.key IS NULL OR s.key IS NULL OR s.value IS DISTINCT FROM i.value)
),
updated_cells AS (
  UPDATE "Cell" c SET value = ch.new FROM changes ch, rev
  WHERE c."revisionId" = rev.id AND c.key = ch.key AND NOT ch.missing AND NOT ch.stray
  RETURNING c.key
),
inserted_cells AS (
  INSERT INTO "Cell" ("revisionId", key, value) SELECT rev.id, ch.key, ch.new FROM changes ch, rev WHERE ch.missing
  RETURNING key
),
deleted_cells AS (
  DELETE FROM "Cell" c USING changes ch, rev WHERE c."revisionId" = rev.id AND c.key = ch.key AND ch.stray
  RETURNING c.key
),
diff AS (SELECT key, old, new FROM changes WHERE old IS DISTINCT FROM new),
changed_sections AS (
  SELECT t.n, t.k FROM rev, LATERAL (VALUES
    ${SECTION_CHANGES}
  ) AS t(n, k, old, new)
  WHERE t.old IS DISTINCT FROM t.new
),
saved AS (
  UPDATE "ReportRevision" v
  SET ${SECTION_SET},
      explanations = $11::jsonb,
      prefilled = ARRAY(SELECT p FROM unnest(rev.prefilled) WITH ORDINALITY AS x(p, n) WHERE p NOT IN (SELECT key FROM diff) ORDER BY n),
      "lockVersion" = v."lockVersion" + 1, "updatedAt" = now() AT TIME ZONE 'UTC'
  FROM rev
  WHERE v.id = rev.id
  RETURNING v."lockVersion", ${ISO_UTC('v."updatedAt"')} AS "savedAt"
),
audited AS (
  INSERT INTO "AuditEvent" (at, action, "reportId", "revisionId", "actorId", detail)
  SELECT now() AT TIME ZONE 'UTC', 'SAVED', $12, rev.id, $13,
         jsonb_build_object(
           'cells', COALESCE((SELECT jsonb_object_agg(key, jsonb_build_array(old, new)) FROM diff), '{}'::jsonb),
           'sections', COALESCE((SELECT jsonb_agg(k ORDER BY n) FROM changed_sections), '[]'::jsonb))
  FROM rev
  WHERE EXISTS (SELECT 1 FROM diff) OR EXISTS (SELECT 1 FROM changed_sections)
)
SELECT "lockVersion", "savedAt" FROM saved`;

/** The save itself, for a report whose scope the caller has checked and a draft it has parsed. */
async function writeDraft(
  actor: Actor,
  report: { id: number; revisionId: number },
  version: FormatVersion,
  parsed: ParsedDraft,
  lockVersion: number,
): Promise<SaveOutcome> {
  const revisionId = report.revisionId;

  // One statement (atomic by itself, so no transaction is held open across round trips between the app and the
  // database): the row lock and the version check first, then only what changed. The ORM's version of this spent
  // ~45 ms of CPU per save; a transaction of separate statements kept the embedded database, which runs one
  // transaction at a time, waiting on the app between them.
  const cells = completeCells(version, parsed.cells);
  const keys = allKeys(version);
  const s = parsed.sections;
  const [outcome] = await sql().query<{ lockVersion: number; savedAt: string }>(SAVE_DRAFT_SQL, [
    revisionId,
    lockVersion,
    keys,
    keys.map((k) => numericText(cells[k])),
    ...SECTION_KEYS.map((k) => s[k]),
    JSON.stringify(parsed.explanations),
    report.id,
    actor.id,
  ]);
  if (outcome) return { ok: true, lockVersion: outcome.lockVersion, savedAt: outcome.savedAt };
  return conflictOrReadOnly(revisionId);
}

async function conflictOrReadOnly(revisionId: number): Promise<Failure> {
  const current = await db().reportRevision.findUniqueOrThrow({ where: { id: revisionId } });
  if (current.state !== "DRAFT" && current.state !== "RETURNED") {
    return { ok: false, kind: "readOnly", message: "报告已提交或已发布，不能修改。" };
  }
  const [rows, lastSave] = await Promise.all([
    db().cell.findMany({ where: { revisionId }, select: { key: true, value: true } }),
    db().auditEvent.findFirst({ where: { revisionId }, orderBy: { id: "desc" }, select: { actor: { select: { name: true } } } }),
  ]);
  return {
    ok: false,
    kind: "conflict",
    message: "在您编辑期间，其他人保存了这份报告。请选择载入对方版本，或保留您的版本。",
    current: {
      lockVersion: current.lockVersion,
      cells: cellsFromRows(rows),
      sections: sectionsOf(current),
      savedAt: current.updatedAt.toISOString(),
      savedBy: lastSave?.actor?.name ?? "其他用户",
    },
  };
}

/** Saves, then submits if no rule fails, no leaf cell is blank and every soft warning is explained. */
export async function submitReport(actor: Actor, input: DraftInput): Promise<SubmitOutcome> {
  const report = await loadForWrite(input.reportId);
  if (!report || !isFormatVersion(report.formatVersion)) return NOT_FOUND;
  const scope = { agencyId: report.agencyId, agencyRegionCode: report.regionCode, status: report.status };
  if (!canReadWorkingCopy(actor, scope)) return FORBIDDEN;
  if (!canSubmitReport(actor, scope)) return { ok: false, kind: "readOnly", message: "报告已提交或已发布，不能再次提交。" };
  const version = report.formatVersion;
  const parsed = parseDraft(version, input);
  if (!parsed.ok) return parsed.failure;
  const check = checkForSubmission(version, parsed.cells, parsed.explanations, await previousYearCells(report.agencyId, report.year));
  if (check) return check;

  const saved = await writeDraft(actor, report, version, parsed, input.lockVersion);
  if (!saved.ok) return saved;
  const revisionId = report.revisionId;
  const done = await db().$transaction(async (tx) => {
    const moved = await tx.reportRevision.updateMany({
      where: { id: revisionId, lockVersion: saved.lockVersion, state: { in: ["DRAFT", "RETURNED"] } },
      data: { state: "SUBMITTED", submittedAt: new Date(), lockVersion: { increment: 1 } },
    });
    if (moved.count === 0) return false;
    await tx.report.update({ where: { id: report.id }, data: { status: "SUBMITTED" } });
    await tx.auditEvent.create({
      data: { action: "SUBMITTED", reportId: report.id, revisionId, actorId: actor.id, detail: { from: report.status, to: "SUBMITTED" } },
    });
    return true;
  });
  if (!done) return conflictOrReadOnly(revisionId);
  return { ok: true, reportId: report.id };
}

export function checkForSubmission(
  version: FormatVersion,
  cells: CellMap,
  explanations: Record<string, string>,
  previous: { formatVersion: FormatVersion; cells: CellMap } | null,
): Extract<SubmitOutcome, { kind: "blocked" }> | null {
  const full = computeDerived(version, cells);
  const issues = validate(version, full, { previous: previous ?? undefined });
  const errors = issues.filter((i) => i.severity === "error");
  const blanks = blankLeafCells(version, full);
  const missingExplanations = issues.filter((i) => i.severity === "warning" && !explanations[issueKey(i)]).map(issueKey);
  if (errors.length === 0 && blanks.length === 0 && missingExplanations.length === 0) return null;
  const parts = [
    errors.length ? `${errors.length} 处勾稽或数值错误` : "",
    blanks.length ? `${blanks.length} 个空格未填写` : "",
    missingExplanations.length ? `${missingExplanations.length} 条提示需要填写说明` : "",
  ].filter(Boolean);
  return { ok: false, kind: "blocked", message: `暂不能提交：${parts.join("，")}。`, errors, blanks, missingExplanations };
}

/** A supervisor starts their government's summary report for a year, pre-filled with the region's roll-up. */
export async function startSummaryFromRollUp(actor: Actor, regionCode: string, year: number, rolled: CellMap) {
  if (actor.role !== "SUPERVISOR") return FORBIDDEN;
  const government = await db().agency.findFirst({ where: { regionCode, kind: "GOVERNMENT" }, select: { id: true } });
  if (!government) return { ok: false as const, kind: "notFound" as const, message: "该地区没有登记本级人民政府。" };
  const started = await startReport(actor, government.id, year);
  if (!started.ok || !started.created) return started;
  await db().$transaction(async (tx) => {
    const rev = await tx.reportRevision.findFirstOrThrow({ where: { reportId: started.reportId, number: 1 } });
    const version = formatForYear(year);
    const leaves = rolled; // leaf cells only; replaceCells computes the totals
    // Row lock and a new version before the cells change, as every writer of a draft's cells does: a save sent
    // meanwhile from the old version then gets a conflict instead of writing over cells it did not see.
    await tx.reportRevision.update({
      where: { id: rev.id },
      data: { prefilled: Object.keys(leaves).filter((k) => leaves[k] !== null), lockVersion: { increment: 1 } },
    });
    await replaceCells(prismaSql(tx), rev.id, version, leaves);
    await tx.report.update({ where: { id: started.reportId }, data: { scope: "SUMMARY" } });
    await tx.auditEvent.create({ data: { action: "SAVED", reportId: started.reportId, revisionId: rev.id, actorId: actor.id, detail: { prefilledFrom: "roll-up", regionCode } } });
  });
  return started;
}
