import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { listChildRegions } from "@/lib/db/queries/public";

export const metadata: Metadata = { title: "数据对比" };

export default async function CompareIndexPage() {
  await connection(); // read at request time, never at build time
  const provinces = (await listChildRegions(null)).filter((p) => p.published > 0);
  return (
    <div className="space-y-8">
      <div>
        <Breadcrumbs items={[{ href: "/", label: "首页" }, { label: "数据对比" }]} />
        <h1 className="text-2xl font-semibold text-brand-800">数据对比</h1>
        <p className="mt-1 text-sm text-slate-600">
          只使用已发布的报告。2019年格式和2021年格式之间只比较含义相同的项目；比率的分母为0时显示“—”。
        </p>
      </div>
      <section aria-labelledby="region-heading">
        <h2 id="region-heading" className="text-lg font-semibold">
          同一地区各机关对比
        </h2>
        <p className="mt-1 text-sm text-slate-600">选择地区，再在对比页中选择年度、数据项和排序；也可以从地区页进入下级地区。</p>
        {provinces.length === 0 ? (
          <p className="mt-2 text-slate-600">暂无已发布的报告。</p>
        ) : (
          <ul className="mt-3 grid gap-2 sm:grid-cols-3 lg:grid-cols-5">
            {provinces.map((p) => (
              <li key={p.code}>
                <Link href={`/compare/region/${p.code}`} className="block rounded border border-slate-200 bg-white px-3 py-2 text-brand-700 hover:border-brand-600">
                  {p.name}
                  <span className="ml-1 text-xs text-slate-500">{p.agencies}个机关</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="agency-heading">
        <h2 id="agency-heading" className="text-lg font-semibold">
          一个机关的历年对比
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          在机关页面点击“历年对比”，或先<Link href="/search" className="text-brand-700 hover:underline">搜索机关</Link>。
        </p>
      </section>
      <section aria-labelledby="reports-heading">
        <h2 id="reports-heading" className="text-lg font-semibold">
          报告并排对比
        </h2>
        <form method="get" action="/compare/reports" className="mt-2 flex flex-wrap items-end gap-2 text-sm">
          <label htmlFor="ids" className="text-slate-700">
            报告编号（2至4个，用逗号分开）
          </label>
          <input id="ids" name="ids" inputMode="numeric" pattern="[0-9,，\s]+" required className="rounded border border-slate-300 px-2 py-1" placeholder="例如 12,34" />
          <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white hover:bg-brand-800">
            对比
          </button>
        </form>
        <p className="mt-1 text-xs text-slate-500">报告编号见报告网址 /reports/编号；在地区对比表中也可以直接勾选报告并排对比。</p>
      </section>
    </div>
  );
}
