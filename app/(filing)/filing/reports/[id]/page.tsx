import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ReportForm } from "@/components/filing/ReportForm";
import { WorkspaceBar } from "@/components/workspace/WorkspaceBar";
import { CorrectionForm } from "@/app/(review)/review/DecisionForms";
import { requireUser } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/home";
import { getWorkingReport } from "@/lib/db/reports";
import { isFormatVersion, leafKeys } from "@/lib/format";
import { parseId } from "@/lib/params";
import { saveDraftAction, submitReportAction } from "./actions";

export const metadata: Metadata = { title: "填报年度报告" };

export default async function FilingReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ imported?: string }> }) {
  const id = parseId((await params).id);
  const { imported } = await searchParams;
  if (!id) notFound();
  const user = await requireUser(`/filing/reports/${id}`);
  if (user.role !== "CLERK") redirect(user.role === "SUPERVISOR" || user.role === "ADMIN" ? `/review/reports/${id}` : homeFor(user.role));
  const working = await getWorkingReport(user, id);
  if (!working) notFound();
  if (working === "forbidden") return <p role="alert" className="py-10 text-center text-seal">您无权查看该报告。</p>;
  const { report, revision, sections, comments } = working;
  if (!isFormatVersion(report.formatVersion)) notFound();
  const leaves = Object.fromEntries(leafKeys(report.formatVersion).map((k) => [k, working.cells[k] ?? null]));
  const currentRound = Math.max(0, ...comments.map((c) => c.round));

  return (
    <div className="space-y-4">
      <WorkspaceBar name={user.name} role={user.role} scopeLabel={report.agency.name} />
      <p className="text-sm">
        <Link href="/filing" className="text-brand-700 hover:underline">
          ← 我的报告
        </Link>
      </p>
      {imported && revision.state === "DRAFT" ? (
        <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800">
          已从文件导入为草稿。请对照原报告核对各部分和表格，补全空白单元格后提交审核。
        </p>
      ) : null}
      {revision.reason ? (
        <p className="rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sm">
          这是对已发布报告的第{revision.number}版更正。更正原因：{revision.reason}
        </p>
      ) : null}
      <ReportForm
        reportId={report.id}
        version={report.formatVersion}
        title={`${report.agency.name} ${report.year}年度报告`}
        initial={{
          lockVersion: revision.lockVersion,
          cells: leaves,
          sections,
          explanations: (revision.explanations ?? {}) as Record<string, string>,
          savedAt: revision.updatedAt.toISOString(),
        }}
        prefilled={revision.prefilled}
        previous={working.previous}
        comments={comments
          .filter((c) => c.round === currentRound && revision.state === "RETURNED")
          .map((c) => ({ section: c.section, body: c.body, author: c.author.name, createdAt: c.createdAt.toISOString() }))}
        readOnly={!working.editable}
        saveDraft={saveDraftAction}
        submitReport={submitReportAction}
      />
      {revision.state === "PUBLISHED" ? (
        <section className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <h2 className="mb-2 font-semibold">更正本报告</h2>
          <p className="mb-2 text-sm text-slate-600">已发布的报告只能通过新版本更正，新版本同样需要审核后发布；旧版本仍可公开查阅。</p>
          <CorrectionForm reportId={report.id} />
        </section>
      ) : null}
    </div>
  );
}
