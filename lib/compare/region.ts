/**
 * The region comparison page's state (all of it in the URL: year, sort column and direction, chosen figures, scope,
 * page), its parsing from search parameters, sorting and links.
 */
import { FIGURES, figureById, isFigureId, type Figure, type FigureId } from "./figures";

export const DEFAULT_REGION_FIGURES: readonly FigureId[] = [
  "newReceived",
  "granted",
  "partial",
  "denied",
  "unable",
  "review",
  "litigation",
  "disclosureRate",
  "reviewCorrectionRate",
  "litigationCorrectionRate",
];

export type SortKey = "agency" | FigureId;
export type SortDir = "asc" | "desc";
export type ScopeFilter = "all" | "OWN" | "SUMMARY";

export const REGION_PAGE_SIZE = 100;
export const FIRST_YEAR = 2019;

export interface RegionCompareState {
  year: number;
  sort: SortKey;
  dir: SortDir;
  figures: FigureId[];
  scope: ScopeFilter;
  page: number;
}

type Raw = string | string[] | undefined;
const first = (v: Raw) => (Array.isArray(v) ? v[0] : v);

/** Figures from `figures=a,b` and/or repeated `figures=a&figures=b` (a GET checkbox form); unknown ids dropped. */
export function parseFigures(raw: Raw): FigureId[] {
  const parts = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((s) => s.split(","));
  const chosen = new Set(parts.map((s) => s.trim()).filter(isFigureId));
  // catalogue order, whatever the URL's order
  const out = FIGURES.map((f) => f.id).filter((id) => chosen.has(id));
  return out.length > 0 ? out : [...DEFAULT_REGION_FIGURES];
}

export function parseRegionCompareState(sp: Record<string, Raw>, latestYear: number): RegionCompareState {
  const yearRaw = first(sp.year);
  const year = yearRaw && /^\d{4}$/.test(yearRaw) && Number(yearRaw) >= FIRST_YEAR && Number(yearRaw) <= latestYear ? Number(yearRaw) : latestYear;
  const figures = parseFigures(sp.figures);
  const sortRaw = first(sp.sort) ?? "agency";
  const sort: SortKey = sortRaw === "agency" || (isFigureId(sortRaw) && figures.includes(sortRaw)) ? (sortRaw as SortKey) : "agency";
  const dirRaw = first(sp.dir);
  const dir: SortDir = dirRaw === "asc" || dirRaw === "desc" ? dirRaw : sort === "agency" ? "asc" : "desc";
  const scopeRaw = first(sp.scope);
  const scope: ScopeFilter = scopeRaw === "OWN" || scopeRaw === "SUMMARY" ? scopeRaw : "all";
  const pageRaw = first(sp.page);
  const page = pageRaw && /^[1-9]\d{0,5}$/.test(pageRaw) ? Number(pageRaw) : 1;
  return { year, sort, dir, figures, scope, page };
}

export function regionCompareHref(code: string, state: RegionCompareState, patch: Partial<RegionCompareState> = {}): string {
  const s = { ...state, ...patch };
  const p = new URLSearchParams();
  p.set("year", String(s.year));
  if (s.sort !== "agency") p.set("sort", s.sort);
  if (s.dir !== (s.sort === "agency" ? "asc" : "desc")) p.set("dir", s.dir);
  if (s.figures.join(",") !== DEFAULT_REGION_FIGURES.join(",")) p.set("figures", s.figures.join(","));
  if (s.scope !== "all") p.set("scope", s.scope);
  if (s.page > 1) p.set("page", String(s.page));
  return `/compare/region/${code}?${p.toString()}`;
}

/** The link of a column heading: the other direction when it is the current sort, else its natural direction. */
export function sortLink(code: string, state: RegionCompareState, key: SortKey): string {
  const dir: SortDir = state.sort === key ? (state.dir === "asc" ? "desc" : "asc") : key === "agency" ? "asc" : "desc";
  return regionCompareHref(code, state, { sort: key, dir, page: 1 });
}

export interface RegionRow {
  agencyId: number;
  agencyName: string;
  kind: string;
  regionCode: string;
  report: { id: number; formatVersion: string; scope: "OWN" | "SUMMARY" } | null;
  /** one value per chosen figure, in state.figures order */
  values: (number | null)[];
}

const collator = new Intl.Collator("zh-Hans-CN");

function agencyOrder(a: RegionRow, b: RegionRow): number {
  return a.regionCode < b.regionCode ? -1 : a.regionCode > b.regionCode ? 1 : collator.compare(a.agencyName, b.agencyName) || a.agencyId - b.agencyId;
}

/**
 * Rows sorted by the agency (region code, then name) or by a figure. A blank value — no published report, every
 * cell blank, or a rate with a zero denominator ("—") — always sorts last, in both directions; ties keep the
 * agency order.
 */
export function sortRegionRows(rows: readonly RegionRow[], figures: readonly FigureId[], sort: SortKey, dir: SortDir): RegionRow[] {
  const sign = dir === "asc" ? 1 : -1;
  if (sort === "agency") return [...rows].sort((a, b) => sign * agencyOrder(a, b));
  const i = figures.indexOf(sort);
  if (i < 0) return [...rows].sort(agencyOrder);
  return [...rows].sort((a, b) => {
    const x = a.values[i];
    const y = b.values[i];
    if (x === null || y === null) return x === null && y === null ? agencyOrder(a, b) : x === null ? 1 : -1;
    return x === y ? agencyOrder(a, b) : sign * (x - y);
  });
}

export function chosenFigures(ids: readonly FigureId[]): Figure[] {
  return ids.map((id) => figureById(id)!);
}
