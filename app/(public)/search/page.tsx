import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { db } from "@/lib/db/client";
import { currentFilingYear } from "@/lib/db/queries/home";
import { isRegionCode } from "@/lib/db/queries/region-scope";
import {
  SEARCH_MAX_LENGTH,
  SEARCH_MAX_TERMS,
  SEARCH_PAGE_SIZE,
  parseSearchQuery,
  searchAgencies,
  searchReports,
  type AgencyKindFilter,
  type SearchFilters,
} from "@/lib/db/queries/search";
import { AGENCY_KIND_LABELS } from "@/lib/deadlines";
import { parseId } from "@/lib/params";

export const metadata: Metadata = { title: "搜索" };

type Raw = string | string[] | undefined;
type Props = { searchParams: Promise<Record<string, Raw>> };

const one = (v: Raw) => (typeof v === "string" ? v : Array.isArray(v) ? v[0] : "") ?? "";
const KINDS = Object.keys(AGENCY_KIND_LABELS) as AgencyKindFilter[];

function parseFilters(sp: Record<string, Raw>, latest: number): SearchFilters {
  const region = one(sp.region);
  const year = one(sp.year);
  const kind = one(sp.kind);
  const format = one(sp.format);
  return {
    region: isRegionCode(region) ? region : undefined,
    year: /^\d{4}$/.test(year) && Number(year) >= 2019 && Number(year) <= latest ? Number(year) : undefined,
    kind: (KINDS as string[]).includes(kind) ? (kind as AgencyKindFilter) : undefined,
    format: format === "2019" || format === "2021" ? format : undefined,
  };
}

function href(q: string, filters: SearchFilters, tab: "agencies" | "reports", page = 1): string {
  const p = new URLSearchParams({ q });
  if (filters.region) p.set("region", filters.region);
  if (filters.year) p.set("year", String(filters.year));
  if (filters.kind) p.set("kind", filters.kind);
  if (filters.format) p.set("format", filters.format);
  p.set("type", tab);
  if (page > 1) p.set("page", String(page));
  return `/search?${p.toString()}`;
}

export default async function SearchPage({ searchParams }: Props) {
  await connection();
  const sp = await searchParams;
  const latest = currentFilingYear();
  const raw = one(sp.q);
  // Checked before anything else: an over-long query never reaches the database.
  const parsed = parseSearchQuery(raw);
  const q = parsed.kind === "ok" ? parsed.text : parsed.kind === "empty" ? "" : raw.trim().slice(0, SEARCH_MAX_LENGTH);
  const filters = parseFilters(sp, latest);
  const page = parseId(one(sp.page)) ?? 1;
  const requested = one(sp.type);

  const ok = parsed.kind === "ok" ? parsed : null;
  const reportsSearchable = ok?.indexed ?? false;
  const [agencies, reports, provinces, regionRow] = await Promise.all([
    ok ? searchAgencies(ok.text, requested === "reports" ? 1 : page, filters) : null,
    ok && reportsSearchable ? searchReports(ok.terms, requested === "reports" ? page : 1, filters) : null,
    db().region.findMany({ where: { level: 1 }, orderBy: { code: "asc" }, select: { code: true, name: true } }),
    filters.region ? db().region.findUnique({ where: { code: filters.region }, select: { code: true, name: true, level: true } }) : null,
  ]);
  const tab: "agencies" | "reports" =
    requested === "reports" && reportsSearchable ? "reports" : requested === "agencies" || !reports || (agencies?.total ?? 0) > 0 ? "agencies" : "reports";
  const active = tab === "agencies" ? agencies : reports;
  const pages = active ? Math.max(1, Math.ceil(active.total / SEARCH_PAGE_SIZE)) : 1;
  const regionOptions = [...provinces];
  if (regionRow && regionRow.level > 1) regionOptions.unshift({ code: regionRow.code, name: regionRow.name });
  const years = Array.from({ length: latest - 2019 + 1 }, (_, i) => latest - i);

  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ href: "/", label: "首页" }, { label: "搜索" }]} />
      <h1 className="text-2xl font-semibold text-brand-800">搜索机关和报告</h1>
      <form action="/search" method="get" role="search" className="space-y-3">
        <div className="flex max-w-2xl gap-2">
          <label htmlFor="search-q" className="sr-only">
            搜索机关名称或报告正文
          </label>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={SEARCH_MAX_LENGTH}
            aria-describedby="search-help"
            placeholder="机关名称、拼音首字母，或报告正文中的词语"
            className="min-w-0 flex-1 rounded border border-slate-300 px-3 py-2"
          />
          <button type="submit" className="rounded bg-brand-700 px-5 py-2 text-white hover:bg-brand-800">
            搜索
          </button>
        </div>
        <p id="search-help" className="text-xs text-slate-500">
          机关按名称或拼音首字母（如 tbq）查找；报告按六个部分的正文查找，多个词用空格分开表示同时包含。筛选条件对报告适用，地区和机关类型也适用于机关。
        </p>
        <div className="flex flex-wrap items-end gap-3 text-sm">
          <div>
            <label htmlFor="f-region" className="block text-slate-700">
              地区
            </label>
            <select id="f-region" name="region" defaultValue={filters.region ?? ""} className="mt-1 rounded border border-slate-300 px-2 py-1">
              <option value="">全部地区</option>
              {regionOptions.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-year" className="block text-slate-700">
              年度
            </label>
            <select id="f-year" name="year" defaultValue={filters.year ?? ""} className="mt-1 rounded border border-slate-300 px-2 py-1">
              <option value="">全部年度</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}年度
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-kind" className="block text-slate-700">
              机关类型
            </label>
            <select id="f-kind" name="kind" defaultValue={filters.kind ?? ""} className="mt-1 rounded border border-slate-300 px-2 py-1">
              <option value="">全部类型</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {AGENCY_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-format" className="block text-slate-700">
              表格格式
            </label>
            <select id="f-format" name="format" defaultValue={filters.format ?? ""} className="mt-1 rounded border border-slate-300 px-2 py-1">
              <option value="">全部格式</option>
              <option value="2019">2019年格式（2019–2020年度）</option>
              <option value="2021">2021年格式（2021年度起）</option>
            </select>
          </div>
          {requested === "reports" || requested === "agencies" ? <input type="hidden" name="type" value={requested} /> : null}
        </div>
      </form>

      {parsed.kind === "tooLong" ? (
        <p role="alert" className="text-seal">
          搜索词过长（{parsed.length}个字符），请不超过{SEARCH_MAX_LENGTH}个字符，未进行搜索。
        </p>
      ) : null}
      {parsed.kind === "tooManyTerms" ? (
        <p role="alert" className="text-seal">
          搜索词太多（{parsed.terms}个），请不超过{SEARCH_MAX_TERMS}个词。
        </p>
      ) : null}
      {ok && !reportsSearchable ? (
        <p role="note" className="rounded bg-sky-50 px-3 py-2 text-sm text-sky-900">
          单个汉字无法检索报告正文，以下仅列出名称中含“{ok.text}”的机关。要查找报告，请输入两个或更多连续的字，如“复议”。
        </p>
      ) : null}

      {ok && agencies ? (
        <section aria-labelledby="results-heading" aria-live="polite">
          <h2 id="results-heading" className="sr-only">
            搜索结果
          </h2>
          <nav aria-label="结果类别" className="flex gap-1 border-b border-slate-200">
            <Link
              href={href(ok.text, filters, "agencies")}
              aria-current={tab === "agencies" ? "page" : undefined}
              className={`rounded-t px-4 py-2 text-sm ${tab === "agencies" ? "border border-b-white border-slate-200 bg-white font-medium text-brand-800" : "text-brand-700 hover:underline"}`}
            >
              机关（{agencies.total}）
            </Link>
            {reports ? (
              <Link
                href={href(ok.text, filters, "reports")}
                aria-current={tab === "reports" ? "page" : undefined}
                className={`rounded-t px-4 py-2 text-sm ${tab === "reports" ? "border border-b-white border-slate-200 bg-white font-medium text-brand-800" : "text-brand-700 hover:underline"}`}
              >
                报告正文（{reports.total}）
              </Link>
            ) : null}
          </nav>

          <p className="mt-3 text-sm text-slate-600">
            {tab === "agencies" ? `找到 ${agencies.total} 个机关` : `找到 ${reports!.total} 份已发布报告`}
            {pages > 1 ? `，第 ${Math.min(page, pages)}/${pages} 页` : ""}
          </p>

          {tab === "agencies" ? (
            <ul className="mt-3 divide-y divide-slate-200 rounded-lg bg-white ring-1 ring-slate-200">
              {agencies.rows.map((a) => (
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
          ) : (
            <ul className="mt-3 divide-y divide-slate-200 rounded-lg bg-white ring-1 ring-slate-200" data-testid="report-results">
              {reports!.rows.map((r) => (
                <li key={r.reportId} className="px-4 py-3">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <Link href={`/reports/${r.reportId}`} className="font-medium text-brand-700 hover:underline">
                      {r.agencyName}
                      {r.year}年政府信息公开工作年度报告
                    </Link>
                    <span className="text-sm text-slate-500">
                      {r.scope === "SUMMARY" ? "汇总" : "本机关"} · {r.formatVersion}年格式 · {r.regionName}
                    </span>
                  </div>
                  {r.excerpt ? (
                    <p className="mt-1 text-sm text-slate-700">
                      <span className="text-slate-500">{r.excerpt.section}：</span>
                      {r.excerpt.before}
                      <mark className="bg-amber-200">{r.excerpt.match}</mark>
                      {r.excerpt.after}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}

          {pages > 1 ? (
            <nav aria-label="分页" className="mt-4 flex gap-3 text-sm">
              {page > 1 ? <Link href={href(ok.text, filters, tab, Math.min(page, pages) - 1)}>上一页</Link> : null}
              {page < pages ? <Link href={href(ok.text, filters, tab, page + 1)}>下一页</Link> : null}
            </nav>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
