import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { RegionList } from "@/components/RegionList";
import { getRegionWithAncestors, listChildRegions, listRegionAgencies, publishedPerYear } from "@/lib/db/queries/public";
import { isRegionCode } from "@/lib/db/queries/region-scope";
import { AGENCY_KIND_LABELS } from "@/lib/deadlines";

type Props = { params: Promise<{ code: string }> };

const LEVEL_CHILD_LABEL: Record<number, string> = { 1: "市（地、州、盟）", 2: "县（市、区、旗）", 3: "乡（镇、街道）" };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  if (!isRegionCode(code)) return {};
  const found = await getRegionWithAncestors(code);
  return found ? { title: found.region.name } : {};
}

export default async function RegionPage({ params }: Props) {
  const { code } = await params;
  if (!isRegionCode(code)) notFound();
  const found = await getRegionWithAncestors(code);
  if (!found) notFound();
  const { region, ancestors } = found;
  const [children, agencies, perYear] = await Promise.all([
    region.level < 4 ? listChildRegions(region) : Promise.resolve([]),
    listRegionAgencies(code),
    publishedPerYear(code),
  ]);
  const fullName = [...ancestors.map((a) => a.name), region.name].join("");

  return (
    <div className="space-y-8">
      <div>
        <Breadcrumbs
          items={[
            { href: "/", label: "首页" },
            { href: "/regions", label: "按地区浏览" },
            ...ancestors.map((a) => ({ href: `/regions/${a.code}`, label: a.name })),
            { label: region.name },
          ]}
        />
        <h1 className="text-2xl font-semibold text-brand-800">{fullName}</h1>
        <p className="mt-1 text-sm text-slate-500">行政区划代码 {region.code}</p>
      </div>

      <section aria-labelledby="agencies-heading">
        <h2 id="agencies-heading" className="text-lg font-semibold">
          本级机关
        </h2>
        {agencies.length === 0 ? (
          <p className="mt-2 text-slate-600">平台暂未收录本级机关。</p>
        ) : (
          <ul className="mt-3 grid gap-2 sm:grid-cols-2">
            {agencies.map((a) => (
              <li key={a.id} className="rounded border border-slate-200 bg-white px-4 py-3">
                <Link href={`/agencies/${a.id}`} className="font-medium text-brand-700 hover:underline">
                  {a.name}
                </Link>
                <span className="ml-2 text-xs text-slate-500">{AGENCY_KIND_LABELS[a.kind]}</span>
                <p className="mt-1 text-xs text-slate-500">
                  {a.reports.length > 0 ? `已发布：${a.reports.map((r) => r.year).join("、")}年度` : "暂无已发布报告"}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {perYear.length > 0 ? (
        <section aria-labelledby="years-heading">
          <h2 id="years-heading" className="text-lg font-semibold">
            本地区（含下级）已发布报告
          </h2>
          <p className="mt-1 text-sm text-slate-600">按期：部门和乡镇（街道）于次年1月31日前、县级以上人民政府于次年3月31日前首次发布（北京时间）。</p>
          <div className="mt-3 overflow-x-auto">
            <table className="official-table bg-white">
              <thead>
                <tr>
                  <th scope="col">年度</th>
                  <th scope="col">已发布报告（份）</th>
                  <th scope="col">按期发布（份）</th>
                  <th scope="col">按期率</th>
                  <th scope="col">查看</th>
                </tr>
              </thead>
              <tbody>
                {perYear.map((y) => (
                  <tr key={y.year}>
                    <th scope="row">{y.year}</th>
                    <td className="num">{y.published}</td>
                    <td className="num">{y.onTime}</td>
                    <td className="num">{y.published ? `${Math.round((y.onTime / y.published) * 1000) / 10}%` : "—"}</td>
                    <td>
                      <Link href={`/compare/region/${region.code}?year=${y.year}`} className="text-brand-700 hover:underline" aria-label={`${y.year}年度各机关对比`}>
                        各机关对比
                      </Link>
                      <Link href={`/regions/${region.code}/rollup?year=${y.year}`} className="ml-3 text-brand-700 hover:underline" aria-label={`${y.year}年度本机关报告汇总`}>
                        汇总
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="mt-3 text-sm" data-testid="region-downloads">
            <p className="text-slate-600">下载数据（本地区含下级各机关已发布报告的统计表，每份报告一行）：</p>
            <ul className="mt-1 space-y-1">
              {perYear.map((y) => (
                <li key={y.year}>
                  {y.year}年度：
                  {(["csv", "xlsx", "json"] as const).map((f) => (
                    <a key={f} href={`/regions/${region.code}/download/${f}?year=${y.year}`} download className="ml-2 text-brand-700 underline" aria-label={`${y.year}年度数据 ${f.toUpperCase()}`}>
                      {f.toUpperCase()}
                    </a>
                  ))}
                </li>
              ))}
            </ul>
          </div>
        </section>
      ) : null}

      {children.length > 0 ? (
        <section aria-labelledby="children-heading">
          <h2 id="children-heading" className="text-lg font-semibold">
            下级行政区：{LEVEL_CHILD_LABEL[region.level]}
          </h2>
          <RegionList regions={children} className="mt-3" />
        </section>
      ) : null}
    </div>
  );
}
