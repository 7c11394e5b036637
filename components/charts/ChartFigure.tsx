// A server-rendered chart (lib/charts: an SVG string we generated, with role="img" and a text alternative) with its
// numbers in a table beside it on wide screens and below it otherwise. Readable without JavaScript and in print.
import { renderChart, type ChartInput } from "@/lib/charts";

export function ChartFigure({
  id,
  input,
  caption,
  formatValue,
  unavailable,
}: {
  id: string;
  input: ChartInput;
  caption?: string;
  formatValue?: (v: number | null) => string;
  /** categories with no data at all (a year without a published report): shown as 未发布 in the table */
  unavailable?: readonly boolean[];
}) {
  const { svg } = renderChart(input);
  const show = formatValue ?? ((v: number | null) => (v === null ? "" : String(v)));
  return (
    <figure aria-labelledby={`${id}-caption`} className="break-inside-avoid rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <figcaption id={`${id}-caption`} className="font-medium text-slate-800">
        {input.title}
        {caption ? <span className="ml-2 text-sm font-normal text-slate-500">{caption}</span> : null}
      </figcaption>
      <div className="mt-3 grid items-start gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        {/* The SVG comes from renderChart (ECharts output; every text we add is escaped there). */}
        <div className="min-w-0" dangerouslySetInnerHTML={{ __html: svg }} />
        <div className="overflow-x-auto">
          <table className="official-table w-full bg-white text-sm">
            <caption className="sr-only">{input.title}（数据表）</caption>
            <thead>
              <tr>
                <th scope="col">年度</th>
                {input.series.map((s) => (
                  <th key={s.name} scope="col">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {input.categories.map((c, i) => (
                <tr key={c}>
                  <th scope="row" className="whitespace-nowrap">
                    {c}
                  </th>
                  {unavailable?.[i] ? (
                    <td colSpan={input.series.length} className="text-center text-slate-600">
                      未发布
                    </td>
                  ) : (
                    input.series.map((s) => (
                      <td key={s.name} className="num">
                        {show(s.values[i] ?? null)}
                      </td>
                    ))
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </figure>
  );
}
