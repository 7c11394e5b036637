import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { SEARCH_MAX_LENGTH, SEARCH_PAGE_SIZE, searchAgencies } from "@/lib/db/queries/search";
import { AGENCY_KIND_LABELS } from "@/lib/deadlines";
import { parseId } from "@/lib/params";

export const metadata: Metadata = { title: "搜索" };

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

export default async function SearchPage({ searchParams }: Props) {
  await connection();
  const sp = await searchParams;
  const q = (typeof sp.q === "string" ? sp.q : "").trim();
  const page = (typeof sp.page === "string" ? parseId(sp.page) : 1) ?? 1;
  const tooLong = q.length > SEARCH_MAX_LENGTH;
  const result = q && !tooLong ? await searchAgencies(q, page) : null;
  const pages = result ? Math.max(1, Math.ceil(result.total / SEARCH_PAGE_SIZE)) : 1;

  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ href: "/", label: "首页" }, { label: "搜索" }]} />
      <h1 className="text-2xl font-semibold text-brand-800">搜索机关</h1>
      <form action="/search" method="get" role="search" className="flex max-w-2xl gap-2">
        <label htmlFor="search-q" className="sr-only">
          搜索机关名称
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={SEARCH_MAX_LENGTH}
          aria-describedby={tooLong ? "search-error" : undefined}
          placeholder="机关名称或拼音首字母"
          className="min-w-0 flex-1 rounded border border-slate-300 px-3 py-2"
        />
        <button type="submit" className="rounded bg-brand-700 px-5 py-2 text-white hover:bg-brand-800">
          搜索
        </button>
      </form>
      {tooLong ? (
        <p id="search-error" role="alert" className="text-seal">
          搜索词过长，请不超过{SEARCH_MAX_LENGTH}个字符。
        </p>
      ) : null}
      {result ? (
        <section aria-live="polite">
          <p className="text-sm text-slate-600">
            找到 {result.total} 个机关{pages > 1 ? `，第 ${page}/${pages} 页` : ""}
          </p>
          <ul className="mt-3 divide-y divide-slate-200 rounded-lg bg-white ring-1 ring-slate-200">
            {result.rows.map((a) => (
              <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3">
                <Link href={`/agencies/${a.id}`} className="font-medium text-brand-700 hover:underline">
                  {a.name}
                </Link>
                <span className="text-sm text-slate-500">
                  {AGENCY_KIND_LABELS[a.kind]} · {a.region.name}
                </span>
              </li>
            ))}
          </ul>
          {pages > 1 ? (
            <nav aria-label="分页" className="mt-4 flex gap-3 text-sm">
              {page > 1 ? <Link href={`/search?q=${encodeURIComponent(q)}&page=${page - 1}`}>上一页</Link> : null}
              {page < pages ? <Link href={`/search?q=${encodeURIComponent(q)}&page=${page + 1}`}>下一页</Link> : null}
            </nav>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
