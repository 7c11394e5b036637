import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import {
  FIGURES,
  REGION_PAGE_SIZE,
  chosenFigures,
  formatFigure,
  parseRegionCompareState,
  regionCompareHref,
  sortLink,
  sortRegionRows,
  type SortKey,
} from "@/lib/compare";
import { publishedYears, regionComparison, regionNames } from "@/lib/db/queries/compare";
import { currentFilingYear } from "@/lib/db/queries/home";
import { getRegionWithAncestors } from "@/lib/db/queries/public";
import { isRegionCode } from "@/lib/db/queries/region-scope";
import { AGENCY_KIND_LABELS, type AgencyKindName } from "@/lib/deadlines";

type Raw = string | string[] | undefined;
type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, Raw>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  if (!isRegionCode(code)) return {};
  const found = await getRegionWithAncestors(code);
  return found ? { title: `${found.region.name} · 各机关对比` } : {};
}

export default async function RegionComparePage({ params, searchParams }: Props) {
  const { code } = await params;
  if (!isRegionCode(code)) notFound();
  const [found, years, sp] = await Promise.all([getRegionWithAncestors(code), publishedYears(code), searchParams]);
  if (!found) notFound();
  const { region, ancestors } = found;
  const latest = years[0] ?? currentFilingYear();
  const state = parseRegionCompareState(sp, Math.max(latest, currentFilingYear()));
  if (!sp.year && years.length) state.year = latest;
  const figures = chosenFigures(state.figures);
  const result = await regionComparison(code, state.year, figures, state.scope);
  const sorted = sortRegionRows(result.rows, state.figures, state.sort, state.dir);
  const pages = Math.max(1, Math.ceil(sorted.length / REGION_PAGE_SIZE));
  const page = Math.min(state.page, pages);
  const shown = sorted.slice((page - 1) * REGION_PAGE_SIZE, page * REGION_PAGE_SIZE);
  const names = await regionNames(shown.map((r) => r.regionCode));
  const published = result.rows.filter((r) => r.report).length;
  const mixed = Object.keys(result.versions).length > 1;
  const fullName = [...ancestors.map((a) => a.name), region.name].join("");
  const yearOptions = [...new Set([state.year, ...years])].sort((a, b) => b - a);

  const header = (key: SortKey, label: string, className = "") => {
    const active = state.sort === key;
    return (
      <th scope="col" className={className} aria-sort={active ? (state.dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link href={sortLink(code, state, key)} className="text-brand-700 hover:underline" data-sort={key}>
          {label}
          <span aria-hidden className="ml-0.5 text-xs">
            {active ? (state.dir === "asc" ? "▲" : "▼") : "↕"}
          </span>
          <span className="sr-only">
            {active ? `（当前${state.dir === "asc" ? "升序" : "降序"}，点击改为${state.dir === "asc" ? "降序" : "升序"}）` : "（点击排序）"}
          </span>
        </Link>
      </th>
    );
  };

  return (
    <div className="space-y-6">
      <div>
        <Breadcrumbs
          items={[
            { href: "/", label: "首页" },
            { href: "/regions", label: "按地区浏览" },
            ...[...ancestors, region].map((r) => ({ href: `/regions/${r.code}`, label: r.name })),
            { label: "各机关对比" },
          ]}
        />
        <h1 className="text-2xl font-semibold text-brand-800">
          {fullName} · {state.year}年度各机关对比
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          本地区及下级共 {result.agencies} 个机关{state.scope === "all" ? "" : "（按所选范围）"}，其中 {published} 个已发布{state.year}年度报告。
          <Link href={`/regions/${code}/rollup?year=${state.year}`} className="no-print ml-2 text-brand-700 underline">
            查看本地区汇总
          </Link>
        </p>
      </div>

      <form method="get" action={`/compare/region/${code}`} className="no-print space-y-3 rounded-lg bg-white p-4 ring-1 ring-slate-200">
        <div className="flex flex-wrap items-end gap-4">
          <div>
            <label htmlFor="year" className="block text-sm text-slate-700">
              年度
            </label>
            <select id="year" name="year" defaultValue={state.year} className="mt-1 rounded border border-slate-300 px-2 py-1">
              {yearOptions.map((y) => (
                <option key={y} value={y}>
                  {y}年度
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="scope" className="block text-sm text-slate-700">
              报告范围
            </label>
            <select id="scope" name="scope" defaultValue={state.scope} className="mt-1 rounded border border-slate-300 px-2 py-1">
              <option value="all">全部机关</option>
              <option value="OWN">仅本机关报告</option>
              <option value="SUMMARY">仅汇总报告（人民政府）</option>
            </select>
          </div>
        </div>
        <fieldset>
          <legend className="text-sm text-slate-700">显示的数据项</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {FIGURES.map((f) => (
              <label key={f.id} className="inline-flex items-center gap-1">
                <input type="checkbox" name="figures" value={f.id} defaultChecked={state.figures.includes(f.id)} />
                {f.short}
              </label>
            ))}
          </div>
        </fieldset>
        {state.sort !== "agency" ? <input type="hidden" name="sort" value={state.sort} /> : null}
        <input type="hidden" name="dir" value={state.dir} />
        <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800">
          更新对比
        </button>
      </form>

      <div className="space-y-1 text-sm text-slate-600">
        {mixed ? (
          <p className="text-amber-900">
            本年度同时有2019年格式和2021年格式的报告（{Object.entries(result.versions).map(([v, n]) => `${v}年格式 ${n} 份`).join("，")}），
            所有数据项均取两种格式含义相同的项目。
          </p>
        ) : null}
        <p>
          人民政府的汇总报告包含所辖各机关的数据，与本机关报告口径不同，可用“报告范围”分开比较。比率的分母为0时显示“—”；空白表示未填写或未发布。
          点击表头可排序，空白和“—”总排在最后。
        </p>
      </div>

      <form method="get" action="/compare/reports">
        <div className="overflow-x-auto">
          <table className="official-table w-full bg-white" data-testid="region-compare">
            <caption className="sr-only">
              {fullName}
              {state.year}年度各机关主要数据，按
              {state.sort === "agency" ? "机关" : figures.find((f) => f.id === state.sort)!.short}
              {state.dir === "asc" ? "升序" : "降序"}排列
            </caption>
            <thead>
              <tr>
                <th scope="col" className="no-print">
                  <span className="sr-only">选择对比</span>
                </th>
                {header("agency", "机关", "text-left")}
                <th scope="col">所在地区</th>
                <th scope="col">报告</th>
                {figures.map((f) => header(f.id, f.short))}
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.agencyId}>
                  <td className="no-print text-center">
                    {r.report ? <input type="checkbox" name="ids" value={r.report.id} aria-label={`选择${r.agencyName}的报告进行并排对比`} /> : null}
                  </td>
                  <th scope="row" className="font-normal" style={{ textAlign: "left" }}>
                    <Link href={`/compare/agency/${r.agencyId}`} className="text-brand-700 hover:underline">
                      {r.agencyName}
                    </Link>
                    <span className="ml-1 text-xs text-slate-600">{AGENCY_KIND_LABELS[r.kind as AgencyKindName] ?? ""}</span>
                  </th>
                  <td className="text-sm whitespace-nowrap">{names.get(r.regionCode) ?? r.regionCode}</td>
                  <td className="text-sm whitespace-nowrap">
                    {r.report ? (
                      <Link href={`/reports/${r.report.id}`} className="text-brand-700 hover:underline">
                        {r.report.scope === "SUMMARY" ? "汇总" : "本机关"}
                        {mixed ? `·${r.report.formatVersion}格式` : ""}
                      </Link>
                    ) : (
                      <span className="text-slate-600">未发布</span>
                    )}
                  </td>
                  {figures.map((f, i) => (
                    <td key={f.id} className="num" data-figure={f.id}>
                      {r.report ? formatFigure(f, r.values[i]) : ""}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {published >= 2 ? (
          <p className="no-print mt-2 text-sm">
            <button type="submit" className="rounded border border-brand-700 px-3 py-1 text-brand-700 hover:bg-brand-50">
              并排对比所选报告
            </button>
            <span className="ml-2 text-slate-600">勾选2至4份报告。</span>
          </p>
        ) : null}
      </form>

      {pages > 1 ? (
        <nav aria-label="分页" className="no-print flex flex-wrap items-center gap-3 text-sm">
          <span>
            第 {page}/{pages} 页（每页 {REGION_PAGE_SIZE} 个机关）
          </span>
          {page > 1 ? <Link href={regionCompareHref(code, state, { page: page - 1 })}>上一页</Link> : null}
          {page < pages ? <Link href={regionCompareHref(code, state, { page: page + 1 })}>下一页</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
