import "server-only";
// Search: agencies by name or pinyin initials, and published reports by the words of their narrative sections.
//
// Report text search runs on an index (prisma/migrations/*_search): every PUBLISHED revision carries the set of
// its overlapping two-character sequences as a tsvector ("行政复议" → 行政, 政复, 复议) in a GIN index — a column the
// database generates from the state and the six sections, so every writer keeps it current. A query term of two or
// more characters is turned into the AND of its own bigrams, which the index answers; a candidate is then confirmed
// to contain each term of three or more characters as written (its bigrams can be present without the phrase; a
// two-character term is exact in the index). Only each report's latest published revision is searched.
// Single-character terms cannot use the index: a query made only of them searches agency names alone (with a note
// on the page). Queries over SEARCH_MAX_LENGTH characters are refused before any database work.
import { SECTIONS, type SectionKey } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "../client";
import { regionRange } from "./region-scope";

export const SEARCH_MAX_LENGTH = 100;
export const SEARCH_MAX_TERMS = 8;
export const SEARCH_PAGE_SIZE = 30;

export type AgencyKindFilter = "GOVERNMENT" | "DEPARTMENT" | "TOWNSHIP" | "SUBDISTRICT" | "OTHER";

export interface SearchFilters {
  /** a region code: the region and everything under it */
  region?: string;
  year?: number;
  kind?: AgencyKindFilter;
  format?: "2019" | "2021";
}

// ---- query parsing (pure; mirrors the SQL normalisation of the migration exactly)

/** The characters the index treats as spaces (migration: tab, LF, VT, FF, CR, space, U+00A0, U+3000). */
const SPACES = /[\t\n\u000b\f\r \u00a0\u3000]+/;

/** ASCII letters lower-cased, nothing else changed (the same as the migration's translate()). */
export function normalizeSearchText(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** The distinct bigrams of a term, by Unicode code point (PostgreSQL's substr counts characters, not UTF-16 units). */
export function searchBigrams(term: string): string[] {
  const chars = Array.from(term);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return [...out];
}

export type ParsedQuery =
  | { kind: "empty" }
  | { kind: "tooLong"; length: number }
  | { kind: "tooManyTerms"; terms: number }
  /** terms for the index (≥ 2 characters) and all terms to confirm */
  | { kind: "ok"; text: string; terms: string[]; indexed: boolean };

export function parseSearchQuery(raw: string): ParsedQuery {
  const text = raw.trim();
  if (!text) return { kind: "empty" };
  if (Array.from(text).length > SEARCH_MAX_LENGTH) return { kind: "tooLong", length: Array.from(text).length };
  const terms = [...new Set(normalizeSearchText(text).split(SPACES).filter(Boolean))];
  if (terms.length > SEARCH_MAX_TERMS) return { kind: "tooManyTerms", terms: terms.length };
  return { kind: "ok", text, terms, indexed: terms.some((t) => Array.from(t).length >= 2) };
}

/** A tsquery literal: the AND of the bigrams of every term, each quoted (no parser, no dictionary, as indexed). */
export function bigramTsQuery(terms: readonly string[]): string | null {
  const grams = [...new Set(terms.flatMap(searchBigrams))];
  if (grams.length === 0) return null;
  return grams.map((g) => `'${g.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`).join(" & ");
}

// ---- agencies

/** Agencies whose name contains the query, or whose pinyin initials contain it ("tbq" → 洮北区…). */
export async function searchAgencies(query: string, page: number, filters: Pick<SearchFilters, "region" | "kind"> = {}) {
  const q = query.trim();
  const latin = /^[a-z]+$/i.test(q);
  const match = latin
    ? { OR: [{ initials: { contains: q.toLowerCase() } }, { name: { contains: q, mode: "insensitive" as const } }] }
    : { name: { contains: q } };
  const where = {
    AND: [
      match,
      ...(filters.region ? [{ regionCode: regionRange(filters.region) }] : []),
      ...(filters.kind ? [{ kind: filters.kind }] : []),
    ],
  };
  const [total, rows] = await Promise.all([
    db().agency.count({ where }),
    db().agency.findMany({
      where,
      orderBy: [{ kind: "asc" }, { name: "asc" }, { id: "asc" }],
      skip: (page - 1) * SEARCH_PAGE_SIZE,
      take: SEARCH_PAGE_SIZE,
      select: { id: true, name: true, kind: true, region: { select: { code: true, name: true } } },
    }),
  ]);
  return { total, rows };
}

// ---- reports

export interface ReportHit {
  reportId: number;
  year: number;
  formatVersion: string;
  scope: "OWN" | "SUMMARY";
  agencyId: number;
  agencyName: string;
  regionName: string;
  excerpt: Excerpt | null;
}

export interface Excerpt {
  section: string;
  before: string;
  match: string;
  after: string;
}

const SECTION_COLUMNS = SECTIONS.map((s) => s.key) as SectionKey[];
const SECTION_SQL = SECTION_COLUMNS.map((c) => Prisma.raw(`v."${c}"`));

/**
 * "Some section contains the term" — needed only for what the index cannot decide alone: a term of three or more
 * characters (its bigrams may occur apart) or of one character (not indexed). A two-character term is its own single
 * bigram, which the index holds exactly when a section contains it (no bigram spans a space or two sections), so it
 * needs no check. Per section with strpos (no concatenation of the sections); a term with ASCII letters is matched
 * against the sections with ASCII lower-cased, as indexed.
 */
function containsSql(term: string): Prisma.Sql {
  const ascii = /[a-z]/.test(term);
  return Prisma.sql`(${Prisma.join(
    SECTION_SQL.map((col) =>
      ascii
        ? Prisma.sql`strpos(translate(${col}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), ${term}) > 0`
        : Prisma.sql`strpos(${col}, ${term}) > 0`,
    ),
    " OR ",
  )})`;
}

/** The terms a candidate of the index must still be checked for (see containsSql). */
export function termsToConfirm(terms: readonly string[]): string[] {
  return terms.filter((t) => Array.from(t).length !== 2);
}

function filterSql(filters: SearchFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filters.region) {
    const r = regionRange(filters.region);
    parts.push(Prisma.sql`a."regionCode" >= ${r.gte} AND a."regionCode" <= ${r.lte}`);
  }
  if (filters.year) parts.push(Prisma.sql`r.year = ${filters.year}`);
  if (filters.kind) parts.push(Prisma.sql`a.kind = ${filters.kind}::"AgencyKind"`);
  if (filters.format) parts.push(Prisma.sql`r."formatVersion" = ${filters.format}`);
  return parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

/**
 * Published reports whose latest published revision contains every term (ASCII letters case-insensitive), newest
 * year first. Needs at least one term of two characters (parseSearchQuery(...).indexed).
 */
export async function searchReports(terms: readonly string[], page: number, filters: SearchFilters = {}): Promise<{ total: number; rows: ReportHit[] }> {
  const tsq = bigramTsQuery(terms);
  if (!tsq) throw new Error("searchReports needs a term of at least two characters");
  const where = Prisma.sql`
    FROM "ReportRevision" v
    JOIN "Report" r ON r."publishedRevisionId" = v.id
    JOIN "Agency" a ON a.id = r."agencyId"
    WHERE v."searchTsv" @@ ${tsq}::tsquery
      ${Prisma.join([Prisma.empty, ...termsToConfirm(terms).map(containsSql)], " AND ")}
      ${filterSql(filters)}`;
  const rows = await db().$queryRaw<
    { reportId: number; year: number; formatVersion: string; scope: "OWN" | "SUMMARY"; agencyId: number; agencyName: string; regionCode: string; revisionId: number; total: bigint | number }[]
  >`
    SELECT r.id AS "reportId", r.year, r."formatVersion", r.scope::text AS scope, a.id AS "agencyId", a.name AS "agencyName",
           a."regionCode", v.id AS "revisionId", count(*) OVER () AS total
    ${where}
    ORDER BY r.year DESC, a.name, r.id
    LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(page - 1) * SEARCH_PAGE_SIZE}`;
  let total = rows.length > 0 ? Number(rows[0].total) : 0;
  if (rows.length === 0 && page > 1) {
    const c = await db().$queryRaw<{ n: bigint | number }[]>`SELECT count(*) AS n ${where}`;
    total = Number(c[0].n);
  }
  if (rows.length === 0) return { total, rows: [] };
  const [texts, regions] = await Promise.all([
    db().reportRevision.findMany({
      where: { id: { in: rows.map((r) => Number(r.revisionId)) } },
      select: { id: true, s1_overall: true, s2_active: true, s3_requests: true, s4_reviewLitigation: true, s5_problems: true, s6_other: true },
    }),
    db().region.findMany({ where: { code: { in: [...new Set(rows.map((r) => r.regionCode))] } }, select: { code: true, name: true } }),
  ]);
  const textById = new Map(texts.map((t) => [t.id, t]));
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  return {
    total,
    rows: rows.map((r) => {
      const t = textById.get(Number(r.revisionId));
      return {
        reportId: Number(r.reportId),
        year: Number(r.year),
        formatVersion: r.formatVersion,
        scope: r.scope,
        agencyId: Number(r.agencyId),
        agencyName: r.agencyName,
        regionName: regionName.get(r.regionCode) ?? r.regionCode,
        excerpt: t ? excerptOf(t, terms) : null,
      };
    }),
  };
}

/** The first place a term occurs, in section order, with some text either side. */
export function excerptOf(sections: Partial<Record<SectionKey, string>>, terms: readonly string[], context = 40): Excerpt | null {
  for (const key of SECTION_COLUMNS) {
    const text = sections[key] ?? "";
    if (!text) continue;
    const lower = normalizeSearchText(text);
    let best = -1;
    let len = 0;
    for (const term of terms) {
      const at = lower.indexOf(term);
      if (at >= 0 && (best < 0 || at < best)) {
        best = at;
        len = term.length;
      }
    }
    if (best < 0) continue;
    const start = Math.max(0, best - context);
    const end = Math.min(text.length, best + len + context);
    const flat = (s: string) => s.replace(/\s+/g, " ");
    return {
      section: SECTIONS.find((s) => s.key === key)!.heading,
      before: (start > 0 ? "…" : "") + flat(text.slice(start, best)),
      match: text.slice(best, best + len),
      after: flat(text.slice(best + len, end)) + (end < text.length ? "…" : ""),
    };
  }
  return null;
}
