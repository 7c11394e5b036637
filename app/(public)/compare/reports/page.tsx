import type { Metadata } from "next";
import Link from "next/link";
import { RequestColumnPicker } from "@/components/compare/RequestColumnPicker";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { GroupedRows } from "@/components/compare/GroupedRows";
import { REQUEST_COLUMNS, parseReportIds, parseRequestColumn, sideBySide } from "@/lib/compare";
import { publishedReportsWithCells } from "@/lib/db/queries/compare";

export const metadata: Metadata = { title: "报告并排对比" };

type Props = { searchParams: Promise<{ ids?: string | string[]; col?: string | string[] }> };

export default async function CompareReportsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const parsed = parseReportIds(sp.ids);
  const column = parseRequestColumn(typeof sp.col === "string" ? sp.col : undefined);
  const data = parsed.ok ? await publishedReportsWithCells(parsed.ids) : null;
  const reports = data?.found ?? [];
  const model = reports.length >= 2 ? sideBySide(reports, column) : null;
  const idsParam = reports.map((r) => r.id).join(",");
  const columnLabel = column === "all" ? "全部申请人类别" : REQUEST_COLUMNS.find((c) => c.key === column)!.label;
  let lastTitle = "";

  return (
    <div className="space-y-6">
      <div>
        <Breadcrumbs items={[{ href: "/", label: "首页" }, { label: "报告并排对比" }]} />
        <h1 className="text-2xl font-semibold text-brand-800">报告并排对比</h1>
      </div>

      {!parsed.ok ? (
        <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-amber-900">
          {parsed.message}
        </p>
      ) : null}
      {data && data.missing.length > 0 ? (
        <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-amber-900">
          编号为 {data.missing.join("、")} 的报告不存在或尚未发布，未列入对比。
        </p>
      ) : null}
      {parsed.ok && reports.length < 2 ? <p className="text-slate-600">至少需要两份已发布的报告才能对比。</p> : null}

      {model ? (
        <>
          <div className="space-y-1 text-sm text-slate-700">
            {model.comparableOnly ? (
              <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2">
                所选报告使用不同的表格格式（2019年格式和2021年格式），只列出两种格式含义相同的项目：2019年格式的“（六）其他处理”与2021年格式其下三项之和对应；
                第二十条各表只列行政许可、行政处罚、行政强制的处理决定数量。
              </p>
            ) : null}
            <p>数值不同的行以浅色底标出。空白表示报告未填写该项。</p>
          </div>
          <RequestColumnPicker column={column} keep={{ ids: idsParam }} />
          {model.tables.map((t) => {
            const heading = t.title !== lastTitle ? t.title : null;
            lastTitle = t.title;
            return (
              <section key={t.id} aria-label={`${t.title}${t.caption ? ` ${t.caption}` : ""}`} className="space-y-2">
                {heading ? <h2 className="text-lg font-semibold">{heading}</h2> : null}
                <div className="overflow-x-auto">
                  <table className="official-table w-full bg-white" data-table={t.id}>
                    <caption className={t.caption || t.id === "requests" ? "pb-2 text-left text-sm font-medium text-slate-700" : "sr-only"}>
                      {t.caption ?? t.title}
                      {t.id === "requests" ? `（${columnLabel}）` : ""}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">项目</th>
                        {reports.map((r) => (
                          <th key={r.id} scope="col" className="min-w-32">
                            <Link href={`/reports/${r.id}`} className="text-brand-700 hover:underline">
                              {r.agency.name}
                            </Link>
                            <span className="block text-xs font-normal text-slate-600">
                              {r.year}年度 · {r.scope === "SUMMARY" ? "汇总" : "本机关"} · {r.formatVersion}年格式
                            </span>
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      <GroupedRows
                        columns={reports.length + 1}
                        rows={t.rows.map((row) => ({
                          key: row.key,
                          groups: row.groups,
                          label: row.label,
                          strong: row.derived,
                          className: row.differs ? "bg-amber-50" : undefined,
                          cells: row.values.map((v, i) => (
                            <td key={reports[i].id} className={`num${row.derived ? " font-medium" : ""}`} data-cell={row.key}>
                              {v}
                            </td>
                          )),
                        }))}
                      />
                    </tbody>
                  </table>
                </div>
              </section>
            );
          })}
        </>
      ) : null}
    </div>
  );
}
