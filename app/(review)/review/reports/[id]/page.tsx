import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { WorkspaceBar } from "@/components/workspace/WorkspaceBar";
import { ReportBody } from "@/components/report/ReportBody";
import type { CellMarks } from "@/components/report/OfficialTable";
import { AuditTrail } from "@/components/review/AuditTrail";
import { RepeatedText } from "@/components/review/RepeatedText";
import { YearComparison } from "@/components/review/YearComparison";
import { requireUser } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/home";
import { canReview } from "@/lib/auth/roles";
import { getWorkingReport } from "@/lib/db/reports";
import { getAuditTrail } from "@/lib/db/review";
import { previousYears, sectionSimilarity } from "@/lib/db/review-analysis";
import { checkNarrativeNumbers } from "@/lib/review";
import { computeDerived, issueKey, isFormatVersion, validate, SECTIONS } from "@/lib/format";
import { parseId } from "@/lib/params";
import { formatDateTime } from "@/lib/dates";
import { STATUS_LABELS } from "@/lib/status-labels";
import { CorrectionForm, PublishForm, ReturnForm } from "../../DecisionForms";

export const metadata: Metadata = { title: "审核报告" };

export default async function ReviewReportPage({ params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (!id) notFound();
  const user = await requireUser(`/review/reports/${id}`);
  if (user.role === "CLERK") redirect(homeFor(user.role));
  const working = await getWorkingReport(user, id);
  if (!working) notFound();
  if (working === "forbidden") return <p role="alert" className="py-10 text-center text-seal">该报告不在您负责的地区内。</p>;
  const { report, revision, sections, comments } = working;
  if (!isFormatVersion(report.formatVersion)) notFound();
  const v = report.formatVersion;
  const cells = computeDerived(v, working.cells);
  const [prevMap, audit] = await Promise.all([previousYears([{ agencyId: report.agencyId, year: report.year }]), getAuditTrail(user, id)]);
  const previous = prevMap.get(`${report.agencyId}:${report.year}`);
  const issues = validate(v, cells, { previous: previous ? { formatVersion: previous.formatVersion, cells: previous.cells } : undefined });
  const explanations = (revision.explanations ?? {}) as Record<string, string>;
  const similarity = sectionSimilarity(previous, sections);
  const numberMismatches = checkNarrativeNumbers(v, sections, cells, { year: report.year });
  const marks: CellMarks = {};
  for (const i of issues) for (const c of i.cells) marks[c] ??= { tone: i.severity === "error" ? "error" : "warn", note: i.message };
  const reviewable = canReview(user, { agencyId: report.agencyId, agencyRegionCode: report.agency.regionCode, status: report.status });

  return (
    <div className="space-y-8">
      <WorkspaceBar name={user.name} role={user.role} scopeLabel={report.agency.name} />
      <div>
        <p className="text-sm">
          <Link href="/review" className="text-brand-700 hover:underline">
            ← 返回待审核列表
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-semibold text-brand-800">
          {report.agency.name} {report.year}年度报告
          {revision.number > 1 ? `（第${revision.number}版更正）` : ""}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {STATUS_LABELS[revision.state]} · {report.scope === "SUMMARY" ? "汇总报告" : "本机关报告"} · 提交于 {formatDateTime(revision.submittedAt)}
          {revision.reason ? ` · 更正原因：${revision.reason}` : ""}
        </p>
      </div>

      <section aria-labelledby="checks" className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
        <h2 id="checks" className="font-semibold">
          规则检查
        </h2>
        {issues.length === 0 ? (
          <p className="mt-2 text-green-800">全部勾稽关系和数值检查通过{previous ? "，与上年报告衔接一致" : ""}。</p>
        ) : (
          <ul className="mt-2 space-y-2 text-sm">
            {issues.map((i) => (
              <li key={issueKey(i)} className={i.severity === "error" ? "text-red-800" : "text-amber-900"}>
                <span className="font-medium">{i.severity === "error" ? "错误" : "提示"}：</span>
                {i.message}
                {i.severity === "warning" ? (
                  <span className="block pl-4 text-slate-700">填报人说明：{explanations[issueKey(i)] ?? "（未说明）"}</span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {numberMismatches.length > 0 ? (
        <section aria-labelledby="numbers" className="rounded-lg border border-amber-300 bg-amber-50 p-5">
          <h2 id="numbers" className="font-semibold">
            正文数字与表格不符
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {numberMismatches.map((m, i) => (
              <li key={i}>
                “{m.quote}”：{m.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {reviewable ? (
        <section aria-labelledby="decision" className="grid gap-6 rounded-lg bg-white p-5 ring-1 ring-slate-200 md:grid-cols-2">
          <h2 id="decision" className="font-semibold md:col-span-2">
            审核决定
          </h2>
          <div>
            <PublishForm reportId={report.id} lockVersion={revision.lockVersion} correction={revision.number > 1} />
            <p className="mt-2 text-xs text-slate-500">发布后报告立即在公开页面显示，本版本不可再修改；如需更正须另行生成新版本。</p>
          </div>
          <ReturnForm reportId={report.id} lockVersion={revision.lockVersion} />
        </section>
      ) : revision.state === "PUBLISHED" && user.role === "SUPERVISOR" ? (
        <section className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <h2 className="mb-2 font-semibold">更正已发布的报告</h2>
          <CorrectionForm reportId={report.id} />
        </section>
      ) : null}

      {previous ? (
        <YearComparison version={v} cells={cells} previous={previous} year={report.year} />
      ) : (
        <p className="text-sm text-slate-600">该机关没有已发布的上一年度报告，无法逐项对比。</p>
      )}

      <ReportBody
        version={v}
        sections={sections}
        values={cells}
        marks={marks}
        aside={Object.fromEntries(
          SECTIONS.map((s) => [
            s.key,
            <div key={s.key} className="space-y-2">
              {similarity[s.key] ? <RepeatedText comparison={similarity[s.key]!} text={sections[s.key]} /> : null}
              {comments
                .filter((c) => c.section === s.key)
                .map((c, i) => (
                  <p key={i} className="rounded border-l-4 border-amber-400 bg-amber-50 px-3 py-2 text-sm">
                    第{c.round}轮意见（{c.author.name}）：{c.body}
                  </p>
                ))}
            </div>,
          ]),
        )}
      />

      {audit ? <AuditTrail events={audit} /> : null}
    </div>
  );
}
