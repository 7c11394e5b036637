import type { Metadata } from "next";
import Link from "next/link";
import { RollupCoverage } from "@/components/report/RollupCoverage";
import { redirect } from "next/navigation";
import { WorkspaceBar } from "@/components/workspace/WorkspaceBar";
import { ReportTables } from "@/components/report/ReportTables";
import type { CellMarks } from "@/components/report/OfficialTable";
import { requireUser } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/home";
import { regionSummaryReport, rollUp } from "@/lib/db/queries/oversight";
import { getRegionName } from "@/lib/db/queries/workspace";
import { currentFilingYear } from "@/lib/db/queries/home";
import { allowedRegion } from "@/lib/review-scope";
import { cellDef, formatCellValue } from "@/lib/format";
import { startSummaryAction } from "./actions";

export const metadata: Metadata = { title: "本地区汇总" };

type Props = { searchParams: Promise<{ region?: string; year?: string; started?: string; error?: string }> };

export default async function RollUpPage({ searchParams }: Props) {
  const user = await requireUser("/review/rollup");
  if (user.role === "CLERK") redirect(homeFor(user.role));
  const sp = await searchParams;
  const region = allowedRegion(user, sp.region);
  const latest = currentFilingYear();
  const year = Number(sp.year) >= 2019 && Number(sp.year) <= latest ? Number(sp.year) : latest;
  if (!region) return <p className="py-10 text-center">请指定地区，例如 ?region=2208。</p>;
  const [rolled, summary, regionName] = await Promise.all([rollUp(region, year), regionSummaryReport(region, year), getRegionName(region)]);
  const v = rolled.formatVersion;
  const differences =
    summary && summary.formatVersion === v
      ? Object.keys(rolled.cells).filter((k) => (rolled.cells[k] ?? 0) !== (summary.cells[k] ?? 0))
      : [];
  const marks: CellMarks = Object.fromEntries(
    differences.map((k) => [k, { tone: "warn" as const, note: `汇总报告为 ${formatCellValue(cellDef(v, k)!, summary!.cells[k] ?? null) || "空"}` }]),
  );

  return (
    <div className="space-y-6">
      <WorkspaceBar name={user.name} role={user.role} scopeLabel={regionName ?? region} />
      <h1 className="text-2xl font-semibold text-brand-800">
        {regionName ?? region} · {year}年度本机关报告汇总
      </h1>
      <p className="text-sm text-slate-600">
        汇总本地区及下级所有已发布的本机关报告（不含各级人民政府的汇总报告，以免重复计算）。已纳入 {rolled.included.length} 份，
        尚未发布 {rolled.missing.length} 个机关。
      </p>
      {sp.started ? (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-800">
          已按汇总数据生成本级政府汇总报告草稿，由本级政府填报人继续填写。
        </p>
      ) : null}
      {sp.error ? (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          无法生成汇总报告（{sp.error === "notFound" ? "本地区没有登记本级人民政府" : "无权操作"}）。
        </p>
      ) : null}
      {summary ? (
        <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
          本级汇总报告（
          <Link className="underline" href={`/reports/${summary.id}`}>
            {summary.agency.name}
          </Link>
          ）与本机关报告汇总{differences.length === 0 ? "完全一致。" : `有 ${differences.length} 处不同，已在表中以黄色标出（悬停或读屏可见汇总报告数值）。`}
        </p>
      ) : user.role === "SUPERVISOR" && region === user.regionCode ? (
        <form action={startSummaryAction}>
          <input type="hidden" name="region" value={region} />
          <input type="hidden" name="year" value={year} />
          <button className="rounded bg-brand-700 px-4 py-2 text-sm text-white hover:bg-brand-800">以汇总数据生成本级政府汇总报告</button>
        </form>
      ) : null}
      <ReportTables version={v} values={rolled.cells} marks={marks} />
      <RollupCoverage included={rolled.included} missing={rolled.missing} otherFormatCount={rolled.otherFormat.length} />
    </div>
  );
}
