import { COMPARABLE_SERIES, seriesValue, type CellMap, type FormatVersion } from "@/lib/format";
import { jumpSeverity } from "@/lib/review";

/** Every figure that means the same in both years, beside last year's, with large jumps highlighted. */
export function YearComparison({
  version,
  cells,
  previous,
  year,
}: {
  version: FormatVersion;
  cells: CellMap;
  previous: { formatVersion: FormatVersion; cells: CellMap };
  year: number;
}) {
  const rows = COMPARABLE_SERIES.map((s) => ({
    series: s,
    now: seriesValue(version, cells, s),
    before: seriesValue(previous.formatVersion, previous.cells, s),
  })).filter((r) => (r.now ?? 0) !== 0 || (r.before ?? 0) !== 0);
  return (
    <section aria-labelledby="year-compare">
      <h2 id="year-compare" className="font-semibold">
        与上年（{year - 1}年度）对比
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">两年的可比数据均为空或为0。</p>
      ) : (
        <div className="mt-2 max-h-96 overflow-auto">
          <table className="official-table w-full bg-white text-sm">
            <thead>
              <tr>
                <th scope="col">项目</th>
                <th scope="col">{year - 1}年</th>
                <th scope="col">{year}年</th>
                <th scope="col">变化</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const jump = r.before === null || r.now === null ? null : jumpSeverity(r.before, r.now);
                const change = (r.now ?? 0) - (r.before ?? 0);
                return (
                  <tr key={r.series.id} className={jump === "large" ? "bg-red-100" : jump === "notable" ? "bg-amber-100" : undefined}>
                    <th scope="row" className="text-left font-normal">
                      {r.series.label}
                    </th>
                    <td className="num">{r.before ?? ""}</td>
                    <td className="num">{r.now ?? ""}</td>
                    <td className="num">
                      {change > 0 ? `+${change}` : change}
                      {jump ? <span className="ml-1 text-xs text-amber-900">{jump === "large" ? "大幅变化" : "明显变化"}</span> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
