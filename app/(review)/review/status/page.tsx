import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { WorkspaceBar } from "@/components/workspace/WorkspaceBar";
import { requireUser } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/home";
import { filingStatus, type FilingState } from "@/lib/db/queries/oversight";
import { getRegionName } from "@/lib/db/queries/workspace";
import { currentFilingYear } from "@/lib/db/queries/home";
import { allowedRegion } from "@/lib/review-scope";
import { AGENCY_KIND_LABELS } from "@/lib/deadlines";
import { formatDate } from "@/lib/dates";

export const metadata: Metadata = { title: "填报情况" };

const STATE_LABELS: Record<FilingState, string> = { NONE: "未开始", DRAFT: "填报中", SUBMITTED: "待审核", RETURNED: "已退回", PUBLISHED: "已发布" };
type Props = { searchParams: Promise<{ region?: string; year?: string; state?: string; overdue?: string }> };

export default async function FilingStatusPage({ searchParams }: Props) {
  const user = await requireUser("/review/status");
  if (user.role === "CLERK") redirect(homeFor(user.role));
  const sp = await searchParams;
  const region = allowedRegion(user, sp.region);
  const latest = currentFilingYear();
  const year = Number(sp.year) >= 2019 && Number(sp.year) <= latest ? Number(sp.year) : latest;
  if (!region) return <p className="py-10 text-center">请指定地区，例如 ?region=2208。</p>;
  const [rows, regionName] = await Promise.all([filingStatus(region, year), getRegionName(region)]);
  const stateFilter = sp.state && sp.state in STATE_LABELS ? (sp.state as FilingState) : null;
  const shown = rows.filter((r) => (!stateFilter || r.state === stateFilter) && (sp.overdue !== "1" || r.overdue));
  const counts = Object.fromEntries(Object.keys(STATE_LABELS).map((s) => [s, rows.filter((r) => r.state === s).length])) as Record<FilingState, number>;
  const onTime = rows.filter((r) => r.onTime).length;
  const overdue = rows.filter((r) => r.overdue).length;
  const base = `/review/status?region=${region}&year=${year}`;

  return (
    <div className="space-y-6">
      <WorkspaceBar name={user.name} role={user.role} scopeLabel={regionName ?? region} />
      <h1 className="text-2xl font-semibold text-brand-800">
        {regionName ?? region} · {year}年度报告填报情况
      </h1>
      <form className="flex flex-wrap items-end gap-3 text-sm" action="/review/status">
        <input type="hidden" name="region" value={region} />
        <label className="flex flex-col">
          年度
          <select name="year" defaultValue={year} className="rounded border border-slate-300 px-2 py-1">
            {Array.from({ length: latest - 2018 }, (_, i) => latest - i).map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </label>
        <button className="rounded border border-slate-300 px-3 py-1">切换</button>
      </form>
      <ul className="flex flex-wrap gap-2 text-sm" aria-label="按状态筛选">
        <li>
          <Link href={base} className={`rounded px-3 py-1 ring-1 ring-slate-300 ${!stateFilter && sp.overdue !== "1" ? "bg-brand-700 text-white" : "bg-white"}`}>
            全部 {rows.length}
          </Link>
        </li>
        {(Object.keys(STATE_LABELS) as FilingState[]).map((s) => (
          <li key={s}>
            <Link href={`${base}&state=${s}`} className={`rounded px-3 py-1 ring-1 ring-slate-300 ${stateFilter === s ? "bg-brand-700 text-white" : "bg-white"}`}>
              {STATE_LABELS[s]} {counts[s]}
            </Link>
          </li>
        ))}
        <li>
          <Link href={`${base}&overdue=1`} className={`rounded px-3 py-1 ring-1 ring-seal ${sp.overdue === "1" ? "bg-seal text-white" : "bg-white text-seal"}`}>
            逾期未发布 {overdue}
          </Link>
        </li>
      </ul>
      <p className="text-sm text-slate-600">
        按期发布 {onTime} 个，共 {rows.length} 个机关。
        <a href={`/review/status/csv?region=${region}&year=${year}`} className="ml-3 text-brand-700 underline" download>
          下载表格（CSV）
        </a>
      </p>
      <div className="overflow-x-auto">
        <table className="official-table w-full bg-white text-sm">
          <thead>
            <tr>
              <th scope="col">机关</th>
              <th scope="col">类别</th>
              <th scope="col">状态</th>
              <th scope="col">提交日期</th>
              <th scope="col">发布日期</th>
              <th scope="col">期限</th>
              <th scope="col">按期</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.agencyId}>
                <td>{r.reportId ? <Link href={`/review/reports/${r.reportId}`} className="text-brand-700 hover:underline">{r.agencyName}</Link> : r.agencyName}</td>
                <td>{AGENCY_KIND_LABELS[r.kind]}</td>
                <td>{STATE_LABELS[r.state]}</td>
                <td>{formatDate(r.submittedAt)}</td>
                <td>{formatDate(r.publishedAt)}</td>
                <td>{formatDate(r.deadline)}</td>
                <td>{r.onTime ? "是" : r.overdue ? <span className="text-seal">逾期</span> : r.publishedAt ? <span className="text-seal">否</span> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
