import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { getAgencyPublic, getRegionWithAncestors } from "@/lib/db/queries/public";
import { currentFilingYear } from "@/lib/db/queries/home";
import { parseId } from "@/lib/params";
import { formatDate } from "@/lib/dates";
import { AGENCY_KIND_LABELS, deadlineFor, isOnTime } from "@/lib/deadlines";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseId((await params).id);
  const agency = id ? await getAgencyPublic(id) : null;
  return agency ? { title: agency.name } : {};
}

export default async function AgencyPage({ params }: Props) {
  const id = parseId((await params).id);
  if (!id) notFound();
  const agency = await getAgencyPublic(id);
  if (!agency) notFound();
  const place = await getRegionWithAncestors(agency.regionCode);
  const lastYear = currentFilingYear();
  const firstYear = Math.min(2019, ...agency.reports.map((r) => r.year));
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => lastYear - i);
  const byYear = new Map(agency.reports.map((r) => [r.year, r]));
  const now = new Date();

  return (
    <div className="space-y-8">
      <div>
        <Breadcrumbs
          items={[
            { href: "/", label: "首页" },
            { href: "/regions", label: "按地区浏览" },
            ...(place ? [...place.ancestors, place.region].map((r) => ({ href: `/regions/${r.code}`, label: r.name })) : []),
            { label: agency.name },
          ]}
        />
        <h1 className="text-2xl font-semibold text-brand-800">{agency.name}</h1>
        <p className="mt-1 text-sm text-slate-500">
          {AGENCY_KIND_LABELS[agency.kind]}
          {agency.parent ? (
            <>
              {" · 所属："}
              <Link href={`/agencies/${agency.parent.id}`} className="text-brand-700 hover:underline">
                {agency.parent.name}
              </Link>
            </>
          ) : null}
        </p>
      </div>

      <section aria-labelledby="reports-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="reports-heading" className="text-lg font-semibold">
            历年年度报告
          </h2>
          {agency.reports.some((r) => r.publishedRevision) ? (
            <Link href={`/compare/agency/${agency.id}`} className="no-print text-sm text-brand-700 hover:underline">
              历年对比（数据和图表）
            </Link>
          ) : null}
        </div>
        <div className="mt-3 overflow-x-auto">
          <table className="official-table w-full bg-white">
            <thead>
              <tr>
                <th scope="col">年度</th>
                <th scope="col">报告</th>
                <th scope="col">状态</th>
                <th scope="col">发布日期</th>
                <th scope="col">公开期限</th>
              </tr>
            </thead>
            <tbody>
              {years.map((year) => {
                const r = byYear.get(year);
                const deadline = deadlineFor(agency.kind, year);
                const published = r?.publishedRevision;
                return (
                  <tr key={year}>
                    <th scope="row">{year}</th>
                    <td>
                      {published ? (
                        <Link href={`/reports/${r!.id}`} className="text-brand-700 hover:underline">
                          {year}年政府信息公开工作年度报告（{r!.scope === "SUMMARY" ? "汇总" : "本机关"}）
                        </Link>
                      ) : (
                        <span className="text-slate-500">—</span>
                      )}
                    </td>
                    <td>
                      {published ? (
                        <span>
                          已发布{published.number > 1 ? `（第${published.number}版，已更正）` : ""}
                          {isOnTime(r!.firstPublishedAt, deadline) ? "" : <span className="ml-1 text-seal">逾期发布</span>}
                        </span>
                      ) : now > deadline ? (
                        <span className="text-seal">逾期未发布</span>
                      ) : (
                        <span className="text-slate-600">尚未发布</span>
                      )}
                    </td>
                    <td>{formatDate(r?.firstPublishedAt)}</td>
                    <td>{formatDate(deadline)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      {agency.children.length > 0 ? (
        <section aria-labelledby="children-heading">
          <h2 id="children-heading" className="text-lg font-semibold">
            所属机关
          </h2>
          <ul className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {agency.children.map((c) => (
              <li key={c.id}>
                <Link href={`/agencies/${c.id}`} className="block rounded border border-slate-200 bg-white px-3 py-2 text-brand-700 hover:border-brand-600">
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
