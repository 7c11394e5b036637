/**
 * One agency's published reports year by year: the comparable series and the main figures per year, and the data of
 * the charts (one category per year, a gap where no report was published).
 */
import { seriesValue, type CellMap, type FormatVersion } from "@/lib/format";
import { FIGURES, OUTCOME_FIGURES, figureById, figureFromSeries, type Figure, type FigureId } from "./figures";
import { seriesRows, type RequestColumnChoice, type SeriesRowDef } from "./series-rows";

export interface YearReport {
  reportId: number;
  year: number;
  formatVersion: FormatVersion;
  scope: "OWN" | "SUMMARY";
  /** leaf and derived cells of the latest published revision (at least every comparable series' leaves) */
  cells: CellMap;
}

export interface YearColumn {
  year: number;
  report: Omit<YearReport, "cells"> | null;
}

export interface YearRow<T> {
  def: T;
  values: (number | null)[];
}

export interface AgencyYears {
  columns: YearColumn[];
  seriesRows: YearRow<SeriesRowDef>[];
  figureRows: YearRow<Figure>[];
  /** the scope changed between years (a report of the agency's own work and a summary of its jurisdiction) */
  mixedScope: boolean;
  mixedVersions: boolean;
}

/**
 * Years from 2019 (or the first report, if earlier) to the latest published report; an agency with nothing
 * published gets no columns.
 */
export function agencyYears(reports: readonly YearReport[], opts: { column?: RequestColumnChoice } = {}): AgencyYears {
  const byYear = new Map(reports.map((r) => [r.year, r]));
  const years: number[] = [];
  if (reports.length > 0) {
    const last = Math.max(...reports.map((r) => r.year));
    const first = Math.min(2019, ...reports.map((r) => r.year));
    for (let y = first; y <= last; y++) years.push(y);
  }
  const columns = years.map((year) => {
    const r = byYear.get(year);
    return { year, report: r ? { reportId: r.reportId, year, formatVersion: r.formatVersion, scope: r.scope } : null };
  });
  const per = <T>(def: T, f: (r: YearReport) => number | null): YearRow<T> => ({
    def,
    values: years.map((y) => {
      const r = byYear.get(y);
      return r ? f(r) : null;
    }),
  });
  return {
    columns,
    seriesRows: seriesRows(opts.column ?? "total").map((d) => per(d, (r) => seriesValue(r.formatVersion, r.cells, d.series))),
    figureRows: FIGURES.map((f) => per(f, (r) => figureFromSeries(r.formatVersion, r.cells, f))),
    mixedScope: new Set(reports.map((r) => r.scope)).size > 1,
    mixedVersions: new Set(reports.map((r) => r.formatVersion)).size > 1,
  };
}

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

export interface ChartData {
  /** the category labels (years) */
  categories: string[];
  series: ChartSeries[];
}

export function yearLabel(year: number): string {
  return `${year}年`;
}

function figureSeries(model: AgencyYears, ids: readonly FigureId[], names?: Partial<Record<FigureId, string>>): ChartSeries[] {
  return ids.map((id) => {
    const row = model.figureRows.find((r) => r.def.id === id)!;
    return { name: names?.[id] ?? figureById(id)!.short, values: row.values };
  });
}

/** Data for the four charts of an agency's years. Rates are in percent (one decimal). */
export function agencyCharts(model: AgencyYears) {
  const categories = model.columns.map((c) => yearLabel(c.year));
  const pct = (s: ChartSeries): ChartSeries => ({ ...s, values: s.values.map((v) => (v === null ? null : Math.round(v * 1000) / 10)) });
  return {
    newReceived: { categories, series: figureSeries(model, ["newReceived"], { newReceived: "本年新收申请" }) } satisfies ChartData,
    outcomes: { categories, series: figureSeries(model, OUTCOME_FIGURES) } satisfies ChartData,
    reviewLitigation: { categories, series: figureSeries(model, ["review", "litigation"]) } satisfies ChartData,
    correctionRates: {
      categories,
      series: figureSeries(model, ["reviewCorrectionRate", "litigationCorrectionRate"]).map(pct),
    } satisfies ChartData,
  };
}
