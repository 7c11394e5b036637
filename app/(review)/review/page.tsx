import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { WorkspaceBar } from "@/components/workspace/WorkspaceBar";
import { requireUser } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/home";
import { listReviewQueue } from "@/lib/db/review";
import { getRegionName } from "@/lib/db/queries/workspace";
import { currentFilingYear } from "@/lib/db/queries/home";
import { queueFlags } from "@/lib/db/review-analysis";
import { formatDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "审核" };

type Props = { searchParams: Promise<{ done?: string; report?: string }> };

export default async function ReviewQueuePage({ searchParams }: Props) {
  const user = await requireUser("/review");
  if (user.role === "CLERK") redirect(homeFor(user.role));
  const [queue, regionName, sp] = await Promise.all([listReviewQueue(user), getRegionName(user.regionCode), searchParams]);
  const flags = await queueFlags(queue);
  const year = currentFilingYear();
  const region = user.regionCode ?? "";

  return (
    <div className="space-y-6">
      <WorkspaceBar name={user.name} role={user.role} scopeLabel={regionName ?? "全平台"} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold text-brand-800">待审核报告</h1>
        <nav aria-label="审核工具" className="flex gap-4 text-sm">
          <Link className="text-brand-700 hover:underline" href={`/review/status?region=${region}&year=${year}`}>
            填报情况
          </Link>
          <Link className="text-brand-700 hover:underline" href={`/review/rollup?region=${region}&year=${year}`}>
            本地区汇总
          </Link>
          <Link className="text-brand-700 hover:underline" href="/review/import">
            批量导入
          </Link>
        </nav>
      </div>
      {sp.done ? (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-800">
          {sp.done === "published" ? "已发布。" : "已退回，填报人将看到您的意见。"}
          {sp.done === "published" && sp.report ? (
            <Link href={`/reports/${sp.report}`} className="ml-2 underline">
              查看公开页面
            </Link>
          ) : null}
        </p>
      ) : null}
      {queue.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-slate-600 ring-1 ring-slate-200">目前没有待审核的报告。</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="official-table w-full bg-white text-sm">
            <thead>
              <tr>
                <th scope="col">机关</th>
                <th scope="col">年度</th>
                <th scope="col">提交时间</th>
                <th scope="col">提示</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {queue.map((r) => (
                <tr key={r.id}>
                  <td>{r.report.agency.name}</td>
                  <td>
                    {r.report.year}
                    {r.number > 1 ? `（第${r.number}版更正）` : ""}
                  </td>
                  <td>{formatDateTime(r.submittedAt)}</td>
                  <td className="text-slate-700">{flags.get(r.id) ?? ""}</td>
                  <td>
                    <Link href={`/review/reports/${r.report.id}`} className="text-brand-700 hover:underline">
                      审核
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
