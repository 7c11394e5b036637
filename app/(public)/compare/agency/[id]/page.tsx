import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { RequestColumnPicker } from "@/components/compare/RequestColumnPicker";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { ChartFigure } from "@/components/charts/ChartFigure";
import { GroupedRows } from "@/components/compare/GroupedRows";
import {
  REQUEST_COLUMNS,
  SERIES_TABLE_TITLES,
  agencyCharts,
  agencyYears,
  formatCount,
  formatFigure,
  formatRate,
  parseRequestColumn,
  type SeriesTable,
} from "@/lib/compare";
import { agencyYearReports } from "@/lib/db/queries/compare";
import { getRegionWithAncestors } from "@/lib/db/queries/public";
import { AGENCY_KIND_LABELS } from "@/lib/deadlines";
import { parseId } from "@/lib/params";

// generateMetadata and the page share one read per request
const load = cache(agencyYearReports);

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ col?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseId((await params).id);
  const data = id ? await load(id) : null;
  return data ? { title: `${data.agency.name} · 历年对比` } : {};
}

export default async function AgencyComparePage({ params, searchParams }: Props) {
  const id = parseId((await params).id);
  if (!id) notFound();
  const sp = await searchParams;
  const column = parseRequestColumn(typeof sp.col === "string" ? sp.col : undefined);
  const data = await load(id);
  if (!data) notFound();
  const { agency, reports } = data;
  const place = await getRegionWithAncestors(agency.regionCode);
  const model = agencyYears(reports, { column });
  const charts = agencyCharts(model);
  const years = model.columns;
  const unavailable = years.map((c) => c.report === null);
  const latest = reports.length ? reports[reports.length - 1].year : null;
  const columnLabel = column === "all" ? "全部申请人类别" : REQUEST_COLUMNS.find((c) => c.key === column)!.label;

  return (
    <div className="space-y-8">
      <div>
        <Breadcrumbs
          items={[
            { href: "/", label: "首页" },
            ...(place ? [...place.ancestors, place.region].map((r) => ({ href: `/regions/${r.code}`, label: r.name })) : []),
            { href: `/agencies/${agency.id}`, label: agency.name },
            { label: "历年对比" },
          ]}
        />
        <h1 className="text-2xl font-semibold text-brand-800">{agency.name} · 历年对比</h1>
        <p className="mt-1 text-sm text-slate-500">
          {AGENCY_KIND_LABELS[agency.kind]} · 仅含已发布报告（每份报告的最新发布版本）
        </p>
      </div>

      {reports.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white px-4 py-3 text-slate-600">该机关尚无已发布的年度报告，暂无可对比的数据。</p>
      ) : (
        <>
          <section aria-labelledby="notes-heading" className="space-y-1 rounded border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700">
            <h2 id="notes-heading" className="font-medium">
              说明
            </h2>
            <p>
              2019、2020年度报告使用2019年（试行）格式，2021年度起使用2021年格式。跨格式只比较含义相同的项目：申请办理情况和行政复议、行政诉讼各项，
              2019年格式的“（六）其他处理”等于2021年格式其下三项之和；第二十条各表只比较行政许可、行政处罚、行政强制的处理决定数量。
            </p>
            {model.mixedScope ? <p className="text-amber-900">注意：该机关有的年度是汇总报告（含所辖各机关），有的年度是本机关报告，两者口径不同。</p> : null}
            <p>空白表示报告未填写该项；比率的分母为0时显示“—”。</p>
          </section>

          <section aria-labelledby="figures-heading">
            <h2 id="figures-heading" className="text-lg font-semibold">
              主要数据
            </h2>
            <div className="mt-3 overflow-x-auto">
              <table className="official-table w-full bg-white">
                <caption className="sr-only">{agency.name}各年度主要数据和比率</caption>
                <thead>
                  <tr>
                    <th scope="col">项目</th>
                    {years.map((c) => (
                      <th key={c.year} scope="col">
                        {c.report ? (
                          <Link href={`/reports/${c.report.reportId}`} className="text-brand-700 hover:underline">
                            {c.year}年
                          </Link>
                        ) : (
                          `${c.year}年`
                        )}
                        <span className="block text-xs font-normal text-slate-600">
                          {c.report ? `${c.report.formatVersion}年格式${c.report.scope === "SUMMARY" ? "·汇总" : ""}` : "未发布"}
                        </span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {model.figureRows.map((r) => (
                    <tr key={r.def.id}>
                      <th scope="row" className="font-normal" style={{ textAlign: "left" }}>
                        {r.def.label}
                      </th>
                      {r.values.map((v, i) => (
                        <td key={years[i].year} className="num">
                          {years[i].report ? formatFigure(r.def, v) : ""}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="charts-heading" className="space-y-4">
            <h2 id="charts-heading" className="text-lg font-semibold">
              图表
            </h2>
            <ChartFigure
              id="chart-new"
              input={{ title: "本年新收政府信息公开申请数（件）", type: "bar", unit: "件", ...charts.newReceived }}
              formatValue={formatCount}
              unavailable={unavailable}
            />
            <ChartFigure
              id="chart-outcomes"
              input={{ title: "本年度办理结果构成（件）", type: "stackedBar", unit: "件", ...charts.outcomes }}
              caption="不予公开、无法提供、不予处理、其他处理为各项合计"
              formatValue={formatCount}
              unavailable={unavailable}
            />
            <ChartFigure
              id="chart-review"
              input={{ title: "行政复议、行政诉讼案件数（件）", type: "bar", unit: "件", ...charts.reviewLitigation }}
              caption="行政诉讼含未经复议直接起诉和复议后起诉"
              formatValue={formatCount}
              unavailable={unavailable}
            />
            <ChartFigure
              id="chart-rates"
              input={{ title: "复议纠错率、诉讼纠错率（%）", type: "line", unit: "%", ...charts.correctionRates }}
              caption="结果纠正 ÷（结果维持 + 结果纠正 + 其他结果），不含尚未审结"
              formatValue={(v) => (v === null ? "—" : formatRate(v / 100))}
              unavailable={unavailable}
            />
          </section>

          <section aria-labelledby="series-heading">
            <h2 id="series-heading" className="text-lg font-semibold">
              可比项目逐年明细
            </h2>
            <RequestColumnPicker column={column} />
            {(["active", "requests", "reviewLitigation"] as SeriesTable[]).map((table) => {
              const rows = model.seriesRows.filter((r) => r.def.table === table);
              return (
                <div key={table} className="mt-4 overflow-x-auto">
                  <table className="official-table w-full bg-white">
                    <caption className="pb-2 text-left text-sm font-medium text-slate-700">
                      {SERIES_TABLE_TITLES[table]}
                      {table === "requests" ? `（${columnLabel}）` : ""}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">项目</th>
                        {years.map((c) => (
                          <th key={c.year} scope="col">
                            {c.year}年
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      <GroupedRows
                        columns={years.length + 1}
                        rows={rows.map((r) => ({
                          key: r.def.series.id,
                          groups: r.def.groups,
                          label: r.def.label,
                          strong: r.def.derived,
                          cells: r.values.map((v, i) => (
                            <td key={years[i].year} className={`num${r.def.derived ? " font-medium" : ""}`}>
                              {years[i].report ? formatCount(v) : <span className="text-slate-600">未发布</span>}
                            </td>
                          )),
                        }))}
                      />
                    </tbody>
                  </table>
                </div>
              );
            })}
          </section>

          <p className="no-print text-sm">
            <Link href={`/compare/region/${agency.regionCode}${latest ? `?year=${latest}` : ""}`} className="text-brand-700 hover:underline">
              对比同一地区的其他机关
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
