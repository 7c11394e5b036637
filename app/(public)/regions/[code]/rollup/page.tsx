import type { Metadata } from "next";
import Link from "next/link";
import { RollupCoverage } from "@/components/report/RollupCoverage";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { ReportTables } from "@/components/report/ReportTables";
import type { CellMarks } from "@/components/report/OfficialTable";
import { cellDef, formatCellValue } from "@/lib/format";
import { publishedYears } from "@/lib/db/queries/compare";
import { currentFilingYear } from "@/lib/db/queries/home";
import { regionSummaryReport, rollUp } from "@/lib/db/queries/oversight";
import { getRegionWithAncestors } from "@/lib/db/queries/public";
import { isRegionCode } from "@/lib/db/queries/region-scope";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ year?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  if (!isRegionCode(code)) return {};
  const found = await getRegionWithAncestors(code);
  return found ? { title: `${found.region.name} · 本机关报告汇总` } : {};
}

export default async function PublicRollUpPage({ params, searchParams }: Props) {
  const { code } = await params;
  if (!isRegionCode(code)) notFound();
  const [found, years, sp] = await Promise.all([getRegionWithAncestors(code), publishedYears(code), searchParams]);
  if (!found) notFound();
  const { region, ancestors } = found;
  const latest = Math.max(currentFilingYear(), ...years);
  const raw = typeof sp.year === "string" ? sp.year : "";
  const year = /^\d{4}$/.test(raw) && Number(raw) >= 2019 && Number(raw) <= latest ? Number(raw) : (years[0] ?? currentFilingYear());
  const [rolled, summary] = await Promise.all([rollUp(code, year), regionSummaryReport(code, year)]);
  const v = rolled.formatVersion;
  const comparable = summary !== null && summary.formatVersion === v;
  const differences = comparable ? Object.keys(rolled.cells).filter((k) => (rolled.cells[k] ?? 0) !== (summary.cells[k] ?? 0)) : [];
  const marks: CellMarks = Object.fromEntries(
    differences.map((k) => [k, { tone: "warn" as const, note: `汇总报告为 ${formatCellValue(cellDef(v, k)!, summary!.cells[k] ?? null) || "空白"}` }]),
  );
  const fullName = [...ancestors.map((a) => a.name), region.name].join("");
  const total = rolled.included.length + rolled.otherFormat.length + rolled.missing.length;
  const yearOptions = [...new Set([year, ...years])].sort((a, b) => b - a);

  return (
    <div className="space-y-6">
      <div>
        <Breadcrumbs
          items={[
            { href: "/", label: "首页" },
            { href: "/regions", label: "按地区浏览" },
            ...[...ancestors, region].map((r) => ({ href: `/regions/${r.code}`, label: r.name })),
            { label: "本机关报告汇总" },
          ]}
        />
        <h1 className="text-2xl font-semibold text-brand-800">
          {fullName} · {year}年度本机关报告汇总
        </h1>
      </div>

      <form method="get" className="no-print flex flex-wrap items-end gap-2 text-sm">
        <label htmlFor="year" className="text-slate-700">
          年度
        </label>
        <select id="year" name="year" defaultValue={year} className="rounded border border-slate-300 px-2 py-1">
          {yearOptions.map((y) => (
            <option key={y} value={y}>
              {y}年度
            </option>
          ))}
        </select>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white hover:bg-brand-800">
          查看
        </button>
        <Link href={`/compare/region/${code}?year=${year}`} className="ml-3 text-brand-700 hover:underline">
          各机关对比
        </Link>
      </form>

      <section aria-labelledby="coverage-heading" className="space-y-2 rounded-lg bg-white p-4 text-sm ring-1 ring-slate-200">
        <h2 id="coverage-heading" className="font-semibold">
          汇总范围
        </h2>
        <p>
          下表把本地区及下级各机关已发布的<strong>本机关</strong>
          {year}年度报告逐项相加（不含各级人民政府的汇总报告，以免重复计算；每份报告取最新发布版本）。
        </p>
        <p data-testid="coverage">
          应纳入 {total} 个机关：已纳入 {rolled.included.length} 份，尚未发布 {rolled.missing.length} 个
          {total > 0 ? `（覆盖率 ${Math.round((rolled.included.length / total) * 1000) / 10}%）` : ""}。
          {rolled.otherFormat.length > 0 ? ` 另有 ${rolled.otherFormat.length} 份报告使用另一种表格格式，未计入。` : ""}
        </p>
        {summary ? (
          <p className={comparable && differences.length > 0 ? "text-amber-900" : ""}>
            本级汇总报告（
            <Link className="text-brand-700 underline" href={`/reports/${summary.id}`}>
              {summary.agency.name}
            </Link>
            ）
            {!comparable
              ? "使用另一种表格格式，无法逐项比较。"
              : differences.length === 0
                ? "与本机关报告汇总完全一致。"
                : `与本机关报告汇总有 ${differences.length} 处不同，已在表中以黄色标出（悬停或读屏可见汇总报告的数值）。汇总报告还可能包含平台未收录的机关，不同不一定是错误。`}
          </p>
        ) : (
          <p>本级人民政府尚未发布{year}年度汇总报告。</p>
        )}
      </section>

      {rolled.included.length === 0 ? (
        <p className="text-slate-600">本年度尚无已发布的本机关报告可供汇总。</p>
      ) : (
        <ReportTables version={v} values={rolled.cells} marks={marks} />
      )}

      <RollupCoverage included={rolled.included} missing={rolled.missing} linkMissing />
    </div>
  );
}
