import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { WorkspaceBar } from "@/components/workspace/WorkspaceBar";
import { requireUser } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/home";
import { getAgencyWithReports } from "@/lib/db/queries/workspace";
import { currentFilingYear } from "@/lib/db/queries/home";
import { deadlineFor } from "@/lib/deadlines";
import { formatDate, formatDateTime } from "@/lib/dates";
import { STATUS_LABELS } from "@/lib/status-labels";
import { startReportAction } from "./actions";

export const metadata: Metadata = { title: "我的报告" };

const ERRORS: Record<string, string> = {
  year: "只能填报当前年度的报告。",
  forbidden: "您无权为该机关填报。",
  notFound: "机关不存在。",
};

export default async function FilingHome({ searchParams }: { searchParams: Promise<{ error?: string; submitted?: string }> }) {
  const user = await requireUser("/filing");
  if (user.role !== "CLERK") redirect(homeFor(user.role));
  const agency = user.agencyId ? await getAgencyWithReports(user.agencyId) : null;
  const { error, submitted } = await searchParams;
  if (!agency) {
    return <p className="text-seal">您的账号未关联机关，请联系管理员。</p>;
  }
  const year = currentFilingYear();
  const thisYear = agency.reports.find((r) => r.year === year);

  return (
    <div className="space-y-6">
      <WorkspaceBar name={user.name} role={user.role} scopeLabel={agency.name} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold text-brand-800">{agency.name} · 年度报告</h1>
        <Link href="/filing/import" className="text-sm text-brand-700 hover:underline">
          导入已有报告
        </Link>
      </div>
      {error && ERRORS[error] ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          {ERRORS[error]}
        </p>
      ) : null}
      {submitted ? (
        <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-green-800">
          报告已提交审核。审核期间报告不能修改；如被退回，您会在报告页面看到审核意见。
        </p>
      ) : null}
      {!thisYear ? (
        <form action={startReportAction} className="rounded-lg border border-brand-100 bg-brand-50 p-4">
          <input type="hidden" name="agencyId" value={agency.id} />
          <input type="hidden" name="year" value={year} />
          <p className="text-sm text-slate-700">
            {year}年度报告尚未开始填报，公开期限为 {formatDate(deadlineFor(agency.kind, year))}。开始后将按{year >= 2021 ? "2021年" : "2019年试行"}
            格式生成表格，并从上一年度报告带入“上年结转”等数据。
          </p>
          <button type="submit" className="mt-3 rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">
            开始填报{year}年度报告
          </button>
        </form>
      ) : null}
      <div className="overflow-x-auto">
        <table className="official-table w-full bg-white">
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col">状态</th>
              <th scope="col">最后修改</th>
              <th scope="col">公开期限</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {agency.reports.map((r) => {
              const rev = r.revisions[0];
              const state = rev?.state ?? r.status;
              return (
                <tr key={r.id}>
                  <th scope="row">{r.year}</th>
                  <td>
                    {STATUS_LABELS[state]}
                    {rev && rev.number > 1 && state !== "PUBLISHED" ? `（第${rev.number}版更正）` : ""}
                  </td>
                  <td>{formatDateTime(rev?.updatedAt)}</td>
                  <td>{formatDate(deadlineFor(agency.kind, r.year))}</td>
                  <td className="space-x-3">
                    {state === "PUBLISHED" ? (
                      <Link href={`/reports/${r.id}`} className="text-brand-700 hover:underline">
                        查看公开页面
                      </Link>
                    ) : (
                      <Link href={`/filing/reports/${r.id}`} className="text-brand-700 hover:underline">
                        {state === "DRAFT" || state === "RETURNED" ? "继续填报" : "查看"}
                      </Link>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
