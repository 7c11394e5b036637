/**
 * The main figures of a report that public comparisons show (region tables, an agency's years, charts), each built
 * only from COMPARABLE_SERIES (spec §3, decisions.md "Format versions"), so a 2019-format and a 2021-format report
 * are compared on the same footing; and the four derived rates of decisions.md ("Derived rates").
 *
 * Two ways to evaluate a figure, giving the same number:
 * - figureFromSeries(v, cells, f): from any CellMap holding the leaf cells, through seriesValue (null when every
 *   leaf behind it is blank);
 * - measures + figureFromMeasures: from sums of *stored* cells computed in SQL (derived cells such as 总计 are stored
 *   with every revision, computed from their leaves with blanks as 0), so a database query reads a handful of
 *   keys per report instead of every leaf.
 */
import {
  COMPARABLE_SERIES,
  RATES,
  cellDef,
  rates as ratesOf,
  seriesValue,
  type CellMap,
  type FormatVersion,
  type RateDef,
  type Series,
} from "@/lib/format";

export type CountFigureId =
  | "newReceived"
  | "carriedOver"
  | "granted"
  | "partial"
  | "denied"
  | "unable"
  | "notProcessed"
  | "otherHandling"
  | "resultsTotal"
  | "carriedForward"
  | "review"
  | "reviewCorrected"
  | "litigation"
  | "litigationCorrected"
  | "licensing"
  | "punishment"
  | "coercion";

export type RateFigureId = RateDef["id"];
export type FigureId = CountFigureId | RateFigureId;

export interface CountFigure {
  readonly id: CountFigureId;
  readonly kind: "count";
  /** full label (table captions, chart legends) */
  readonly label: string;
  /** short column heading */
  readonly short: string;
  /** ids of COMPARABLE_SERIES whose sum this figure is */
  readonly series: readonly string[];
}

export interface RateFigure {
  readonly id: RateFigureId;
  readonly kind: "rate";
  readonly label: string;
  readonly short: string;
  readonly rate: RateDef;
}

export type Figure = CountFigure | RateFigure;

const seriesWhere = (pred: (id: string) => boolean) => COMPARABLE_SERIES.filter((s) => pred(s.id)).map((s) => s.id);
const totalsOfGroup = (group: string) => seriesWhere((id) => id.startsWith(`requests.results.${group}.`) && id.endsWith(".total"));

function count(id: CountFigureId, label: string, short: string, series: readonly string[]): CountFigure {
  if (series.length === 0) throw new Error(`figure ${id} has no series`);
  for (const s of series) if (!COMPARABLE_SERIES.some((x) => x.id === s)) throw new Error(`figure ${id}: ${s} is not a comparable series`);
  return { id, kind: "count", label, short, series };
}

function rate(id: RateFigureId, short: string): RateFigure {
  const def = RATES.find((r) => r.id === id);
  if (!def) throw new Error(`no rate ${id}`);
  return { id, kind: "rate", label: def.label, short, rate: def };
}

export const FIGURES: readonly Figure[] = [
  count("newReceived", "本年新收申请（件）", "本年新收", ["requests.newReceived.total"]),
  count("carriedOver", "上年结转申请（件）", "上年结转", ["requests.carriedOver.total"]),
  count("granted", "予以公开（件）", "予以公开", ["requests.results.granted.total"]),
  count("partial", "部分公开（件）", "部分公开", ["requests.results.partial.total"]),
  count("denied", "不予公开（件，8项合计）", "不予公开", totalsOfGroup("denied")),
  count("unable", "无法提供（件，3项合计）", "无法提供", totalsOfGroup("unable")),
  count("notProcessed", "不予处理（件，5项合计）", "不予处理", totalsOfGroup("notProcessed")),
  // 2019's single （六）其他处理 row; in the 2021 format the series adds up its three items (spec §4).
  count("otherHandling", "其他处理（件）", "其他处理", ["requests.results.other.total"]),
  count("resultsTotal", "办理结果总计（件）", "办理总计", ["requests.results.total.total"]),
  count("carriedForward", "结转下年度继续办理（件）", "结转下年", ["requests.carriedForward.total"]),
  count("review", "行政复议（件）", "行政复议", ["reviewLitigation.review.total"]),
  count("reviewCorrected", "行政复议结果纠正（件）", "复议纠正", ["reviewLitigation.review.corrected"]),
  count("litigation", "行政诉讼（件，含复议后起诉）", "行政诉讼", [
    "reviewLitigation.litigation.direct.total",
    "reviewLitigation.litigation.afterReview.total",
  ]),
  count("litigationCorrected", "行政诉讼结果纠正（件）", "诉讼纠正", [
    "reviewLitigation.litigation.direct.corrected",
    "reviewLitigation.litigation.afterReview.corrected",
  ]),
  count("licensing", "行政许可处理决定（件）", "行政许可", ["active.art20_5.licensing.decisions"]),
  count("punishment", "行政处罚处理决定（件）", "行政处罚", ["active.art20_6.punishment.decisions"]),
  count("coercion", "行政强制处理决定（件）", "行政强制", ["active.art20_6.coercion.decisions"]),
  rate("disclosureRate", "公开率"),
  rate("reviewCorrectionRate", "复议纠错率"),
  rate("litigationCorrectionRate", "诉讼纠错率"),
  rate("carryForwardRate", "结转率"),
];

export const FIGURE_IDS: readonly FigureId[] = FIGURES.map((f) => f.id);

export function figureById(id: string): Figure | undefined {
  return FIGURES.find((f) => f.id === id);
}

export function isFigureId(id: string): id is FigureId {
  return FIGURES.some((f) => f.id === id);
}

/** The outcome mix (stacked chart): the six groups of 三、本年度办理结果, in the table's order. */
export const OUTCOME_FIGURES: readonly CountFigureId[] = ["granted", "partial", "denied", "unable", "notProcessed", "otherHandling"];

function seriesOf(id: string): Series {
  const s = COMPARABLE_SERIES.find((x) => x.id === id);
  if (!s) throw new Error(`no series ${id}`);
  return s;
}

/** Stored keys a count figure adds up in a report of version v (derived keys included as they are). */
export function countFigureKeys(f: CountFigure, v: FormatVersion): string[] {
  return f.series.flatMap((id) => (v === "2019" ? seriesOf(id).keys2019 : seriesOf(id).keys2021));
}

// ---- evaluation on a CellMap of leaves (seriesValue semantics)

/** A count figure from leaf cells: the sum of its series, null when all of them are blank. */
export function figureFromSeries(v: FormatVersion, cells: CellMap, f: Figure): number | null {
  if (f.kind === "rate") return ratesOf(v, cells)[f.id];
  let total: number | null = null;
  for (const id of f.series) {
    const x = seriesValue(v, cells, seriesOf(id));
    if (x !== null) total = (total ?? 0) + x;
  }
  return total;
}

// ---- evaluation from sums of stored cells (SQL)

/** One sum a database query computes per report: the stored cells `keys2019` or `keys2021`, by the report's version. */
export interface Measure {
  readonly keys2019: readonly string[];
  readonly keys2021: readonly string[];
}

export interface MeasurePlan {
  readonly measures: readonly Measure[];
  /** for each requested figure, the measures it reads: [count] or [numerator, denominator] */
  readonly refs: readonly (readonly number[])[];
}

/** The sums a query must compute for `figures` (a rate reads its numerator and denominator). */
export function planMeasures(figures: readonly Figure[]): MeasurePlan {
  const measures: Measure[] = [];
  const add = (m: Measure) => measures.push(m) - 1;
  const keysOf = (keys: readonly string[]) => keys; // rate keys are the same in both versions (lib/format RATES)
  const refs = figures.map((f) =>
    f.kind === "count"
      ? [add({ keys2019: countFigureKeys(f, "2019"), keys2021: countFigureKeys(f, "2021") })]
      : [
          add({ keys2019: keysOf(f.rate.numerator), keys2021: keysOf(f.rate.numerator) }),
          add({ keys2019: keysOf(f.rate.denominator), keys2021: keysOf(f.rate.denominator) }),
        ],
  );
  return { measures, refs };
}

/**
 * The (measure, key) pairs of a plan without the version: a key maps to the same measures in both format versions
 * (the versions differ only by keys that exist in one of them — 2019's （六）其他处理 row, 2021's three items — and a
 * report only has its own version's keys), so a query can join cells to measures on the key alone. Checked here.
 */
export function measureKeyPairs(plan: MeasurePlan): { measure: number[]; key: string[] } {
  const out = { measure: [] as number[], key: [] as string[] };
  plan.measures.forEach((m, i) => {
    for (const k of m.keys2019) if (cellDef("2021", k) && !m.keys2021.includes(k)) throw new Error(`${k} is measured differently in the two versions`);
    for (const k of m.keys2021) if (cellDef("2019", k) && !m.keys2019.includes(k)) throw new Error(`${k} is measured differently in the two versions`);
    for (const k of new Set([...m.keys2019, ...m.keys2021])) {
      if (!cellDef("2019", k) && !cellDef("2021", k)) throw new Error(`${k} is not a cell of either format`);
      out.measure.push(i);
      out.key.push(k);
    }
  });
  return out;
}

/**
 * Figure values from the measure sums of one report (null sum = every stored cell blank). A count is its sum; a
 * rate is numerator / denominator with blanks as 0, null when the denominator is 0 (shown "—", never 0%).
 */
export function figureFromMeasures(figures: readonly Figure[], plan: MeasurePlan, sums: readonly (number | null)[]): (number | null)[] {
  return figures.map((f, i) => {
    const ref = plan.refs[i];
    if (f.kind === "count") return sums[ref[0]] ?? null;
    const den = sums[ref[1]] ?? 0;
    return den === 0 ? null : (sums[ref[0]] ?? 0) / den;
  });
}

/** Sum of stored cells: null only when every one is blank or missing (the SQL SUM). */
export function sumStored(cells: CellMap, keys: readonly string[]): number | null {
  let total: number | null = null;
  for (const k of keys) {
    const x = cells[k];
    if (x !== null && x !== undefined) total = (total ?? 0) + x;
  }
  return total;
}

/** The same evaluation as the SQL path, on a CellMap of stored cells (derived included) — for tests and small sets. */
export function figureFromStored(v: FormatVersion, cells: CellMap, figures: readonly Figure[]): (number | null)[] {
  const plan = planMeasures(figures);
  const sums = plan.measures.map((m) => sumStored(cells, v === "2019" ? m.keys2019 : m.keys2021));
  return figureFromMeasures(figures, plan, sums);
}
