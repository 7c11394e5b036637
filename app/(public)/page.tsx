import Link from "next/link";
import { connection } from "next/server";
import { currentFilingYear, getSeasonCounts, listLatestPublished } from "@/lib/db/queries/home";
import { formatDate } from "@/lib/dates";

export default async function HomePage() {
  await connection();
  const year = currentFilingYear();
  const [season, latest] = await Promise.all([getSeasonCounts(year), listLatestPublished(10)]);

  return (
    <div className="space-y-10">
      <section className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
        <h1 className="text-2xl font-semibold text-brand-800 sm:text-3xl">政府信息公开工作年度报告</h1>
        <p className="mt-3 max-w-3xl leading-7 text-slate-700">
          依据《中华人民共和国政府信息公开条例》，各级行政机关每年公布上一年度的政府信息公开工作年度报告。
          本平台按国务院办公厅规定的统一格式展示各机关的年度报告，可按地区查找、跨年度和跨机关比较，并下载原始数据。
        </p>
        <form action="/search" method="get" role="search" className="mt-6 flex max-w-2xl gap-2">
          <label htmlFor="home-q" className="sr-only">
            搜索机关名称
          </label>
          <input
            id="home-q"
            name="q"
            type="search"
            maxLength={100}
            placeholder="输入机关名称或拼音首字母，如：洮北区、tbq"
            className="min-w-0 flex-1 rounded border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-none"
          />
          <button type="submit" className="rounded bg-brand-700 px-5 py-2 text-white hover:bg-brand-800">
            搜索
          </button>
        </form>
        <p className="mt-4 text-sm">
          <Link href="/regions" className="text-brand-700 underline-offset-2 hover:underline">
            按省、市、县、乡镇逐级浏览 →
          </Link>
        </p>
      </section>

      <section aria-labelledby="season-heading">
        <h2 id="season-heading" className="text-lg font-semibold">
          {year}年度报告填报情况
        </h2>
        <dl className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-3">
          <Stat label="已公开发布" value={season.published} unit="份" />
          <Stat label="填报、审核中" value={season.inProgress} unit="份" />
          <Stat label="平台收录机关" value={season.agencies} unit="个" />
        </dl>
      </section>

      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading" className="text-lg font-semibold">
          最新发布
        </h2>
        {latest.length === 0 ? (
          <p className="mt-3 text-slate-600">暂无已发布的年度报告。</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 rounded-lg bg-white ring-1 ring-slate-200">
            {latest.map((r) => (
              <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3">
                <Link href={`/reports/${r.id}`} className="font-medium text-brand-700 hover:underline">
                  {r.agency.name}
                  {r.year}年政府信息公开工作年度报告
                </Link>
                <span className="text-sm text-slate-500">
                  {r.scope === "SUMMARY" ? "汇总报告" : "本机关报告"} · 发布于 {formatDate(r.publishedRevision?.publishedAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function Stat({ label, value, unit }: { label: string; value: number; unit: string }) {
  return (
    <div className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-brand-800">
        {value.toLocaleString("zh-CN")}
        <span className="ml-1 text-sm font-normal text-slate-500">{unit}</span>
      </dd>
    </div>
  );
}
