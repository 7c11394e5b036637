import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { ReportBody } from "@/components/report/ReportBody";
import { getPublishedReport, getRegionWithAncestors } from "@/lib/db/queries/public";
import { getRevisionCells } from "@/lib/db/queries/cells";
import { parseId } from "@/lib/params";
import { formatDate } from "@/lib/dates";
import { isFormatVersion } from "@/lib/format";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ rev?: string | string[] }> };

async function load(props: Props) {
  const id = parseId((await props.params).id);
  if (!id) return null;
  const revParam = (await props.searchParams).rev;
  let rev: number | undefined;
  if (revParam !== undefined) {
    const parsed = typeof revParam === "string" ? parseId(revParam) : null;
    if (!parsed) return null;
    rev = parsed;
  }
  return getPublishedReport(id, rev);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const found = await load(props);
  return found ? { title: `${found.report.agency.name}${found.report.year}年政府信息公开工作年度报告` } : {};
}

export default async function ReportPage(props: Props) {
  const found = await load(props);
  if (!found) notFound();
  const { report, revision, isLatest } = found;
  if (!isFormatVersion(report.formatVersion)) notFound();
  const [cells, place] = await Promise.all([getRevisionCells(revision.id), getRegionWithAncestors(report.agency.regionCode)]);
  const title = `${report.agency.name}${report.year}年政府信息公开工作年度报告`;

  return (
    <article className="space-y-8">
      <div>
        <Breadcrumbs
          items={[
            { href: "/", label: "首页" },
            ...(place ? [...place.ancestors, place.region].map((r) => ({ href: `/regions/${r.code}`, label: r.name })) : []),
            { href: `/agencies/${report.agency.id}`, label: report.agency.name },
            { label: `${report.year}年度` },
          ]}
        />
        <h1 className="text-center font-serif text-2xl font-semibold leading-10 text-slate-900 sm:text-3xl">{title}</h1>
        <dl className="mt-4 flex flex-wrap justify-center gap-x-6 gap-y-1 text-sm text-slate-600">
          <div>
            <dt className="inline">报告类型：</dt>
            <dd className="inline font-medium text-slate-800" data-testid="scope">
              {report.scope === "SUMMARY" ? "汇总报告（本行政区域）" : "本机关报告"}
            </dd>
          </div>
          <div>
            <dt className="inline">表格格式：</dt>
            <dd className="inline">{report.formatVersion === "2019" ? "2019年试行格式" : "2021年格式"}</dd>
          </div>
          <div>
            <dt className="inline">发布日期：</dt>
            <dd className="inline">{formatDate(report.firstPublishedAt)}</dd>
          </div>
          {report.revisions.length > 1 ? (
            <div>
              <dt className="inline">版本：</dt>
              <dd className="inline">
                第{revision.number}版{isLatest ? "（现行）" : "（历史版本）"}
              </dd>
            </div>
          ) : null}
        </dl>
        <p className="mt-3 flex flex-wrap justify-center gap-x-4 text-sm" data-testid="downloads">
          <span className="text-slate-600">下载：</span>
          {(["pdf", "docx", "xlsx"] as const).map((f) => (
            // plain links: these are files from route handlers, not pages for client navigation
            <a key={f} href={`/reports/${report.id}/download/${f}${isLatest ? "" : `?rev=${revision.number}`}`} download className="text-brand-700 underline">
              {{ pdf: "PDF", docx: "Word", xlsx: "Excel" }[f]}
            </a>
          ))}
        </p>
        {!isLatest ? (
          <p role="note" className="mx-auto mt-4 max-w-2xl rounded border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
            您正在查看历史版本。
            <Link href={`/reports/${report.id}`} className="underline">
              查看现行版本
            </Link>
          </p>
        ) : null}
      </div>

      <ReportBody version={report.formatVersion} sections={revision} values={cells} />

      {report.revisions.length > 1 ? (
        <section aria-labelledby="history-heading" className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
          <h2 id="history-heading" className="font-semibold">
            更正记录
          </h2>
          <ol className="mt-2 space-y-1 text-sm">
            {report.revisions.map((r) => (
              <li key={r.id}>
                <Link href={`/reports/${report.id}?rev=${r.number}`} className="text-brand-700 hover:underline">
                  第{r.number}版
                </Link>
                ，{formatDate(r.publishedAt)}发布{r.reason ? `：${r.reason}` : "（首次发布）"}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
