import { describe, expect, it } from "vitest";
import { computeDerived, rates, type CellMap } from "@/lib/format";
import { validReport } from "@/lib/format/test-fixtures";
import {
  FIGURES,
  OUTCOME_FIGURES,
  countFigureKeys,
  figureById,
  figureFromMeasures,
  figureFromSeries,
  figureFromStored,
  measureKeyPairs,
  planMeasures,
  type CountFigure,
} from "./figures";

const count = (id: string) => figureById(id) as CountFigure;

/** The same report in the 2021 format: 2019's （六）其他处理 split into three items, active tables blank. */
function as2021(c19: CellMap): CellMap {
  const out: CellMap = {};
  for (const [k, v] of Object.entries(c19)) {
    if (k.startsWith("requests.results.other.")) {
      const col = k.split(".").pop()!;
      const x = v ?? 0;
      out[`requests.results.other.noCorrection.${col}`] = x - Math.floor(x / 2);
      out[`requests.results.other.noFeePaid.${col}`] = Math.floor(x / 2);
      out[`requests.results.other.other.${col}`] = 0;
    } else if (k.startsWith("requests.") || k.startsWith("reviewLitigation.")) out[k] = v;
    else if (/decisions$/.test(k)) out[k] = v;
  }
  return out;
}

describe("figures", () => {
  it("are built only from comparable series, and the outcome groups add up to （七）总计", () => {
    expect(FIGURES.map((f) => f.id)).toContain("newReceived");
    expect(count("denied").series).toHaveLength(8);
    expect(count("unable").series).toHaveLength(3);
    expect(count("notProcessed").series).toHaveLength(5);
    expect(countFigureKeys(count("otherHandling"), "2019")).toEqual(["requests.results.other.total"]);
    expect(countFigureKeys(count("otherHandling"), "2021")).toEqual(
      ["noCorrection", "noFeePaid", "other"].map((r) => `requests.results.other.${r}.total`),
    );
    const c = computeDerived("2019", validReport("2019"));
    const outcomes = OUTCOME_FIGURES.map((id) => figureFromSeries("2019", c, figureById(id)!)!);
    expect(outcomes.reduce((a, b) => a + b, 0)).toBe(figureFromSeries("2019", c, figureById("resultsTotal")!));
  });

  it("give the same values for a 2019 report and the same figures in the 2021 format", () => {
    const c19 = computeDerived("2019", validReport("2019"));
    const c21 = computeDerived("2021", as2021(validReport("2019")));
    for (const f of FIGURES) expect(figureFromSeries("2021", c21, f), f.id).toBe(figureFromSeries("2019", c19, f));
    expect(figureFromSeries("2019", c19, figureById("otherHandling")!)).toBeGreaterThan(0);
  });

  it("evaluate identically from leaves (seriesValue/rates) and from SQL-style sums of stored cells", () => {
    for (const v of ["2019", "2021"] as const) {
      const c = computeDerived(v, v === "2019" ? validReport("2019") : as2021(validReport("2019")));
      const stored = figureFromStored(v, c, FIGURES);
      FIGURES.forEach((f, i) => expect(stored[i], `${v} ${f.id}`).toBe(figureFromSeries(v, c, f)));
      const r = rates(v, c);
      expect(stored[FIGURES.findIndex((f) => f.id === "disclosureRate")]).toBe(r.disclosureRate);
    }
  });

  it("keep blank apart from zero, and a rate with a zero denominator is null", () => {
    const f = figureById("licensing")!;
    expect(figureFromSeries("2019", {}, f)).toBeNull();
    expect(figureFromStored("2019", {}, [f])).toEqual([null]);
    expect(figureFromStored("2019", { "active.art20_5.licensing.decisions": 0 }, [f])).toEqual([0]);
    const zero = computeDerived("2021", {});
    expect(figureFromStored("2021", zero, [figureById("reviewCorrectionRate")!])).toEqual([null]);
    expect(figureFromSeries("2021", zero, figureById("reviewCorrectionRate")!)).toBeNull();
    // 复议: 1 维持, 1 纠正, 0 其他, 5 尚未审结 → 50%: pending cases are left out
    const rl = computeDerived("2021", { "reviewLitigation.review.upheld": 1, "reviewLitigation.review.corrected": 1, "reviewLitigation.review.pending": 5 });
    expect(figureFromStored("2021", rl, [figureById("reviewCorrectionRate")!, figureById("review")!])).toEqual([0.5, 7]);
  });

  it("plan one measure per count and two per rate, as (measure, key) rows for a SQL unnest", () => {
    const figs = [figureById("newReceived")!, figureById("disclosureRate")!, figureById("otherHandling")!];
    const plan = planMeasures(figs);
    expect(plan.refs).toEqual([[0], [1, 2], [3]]);
    const pairs = measureKeyPairs(plan);
    expect(pairs.measure.length).toBe(pairs.key.length);
    // （六）其他处理: the 2019 row and the 2021 items, each in its own format only
    expect(pairs.key.filter((_, i) => pairs.measure[i] === 3)).toEqual([
      "requests.results.other.total",
      ...["noCorrection", "noFeePaid", "other"].map((r) => `requests.results.other.${r}.total`),
    ]);
    expect(pairs.key.filter((_, i) => pairs.measure[i] === 1)).toEqual(["requests.results.granted.total", "requests.results.partial.total"]);
    expect(measureKeyPairs(planMeasures(FIGURES)).key.length).toBeGreaterThan(40);
    expect(figureFromMeasures(figs, plan, [10, 3, 4, null])).toEqual([10, 0.75, null]);
    expect(figureFromMeasures(figs, plan, [null, null, 0, 2])).toEqual([null, null, 2]);
  });
});
