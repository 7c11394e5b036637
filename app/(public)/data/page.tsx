import type { Metadata } from "next";
import { z } from "zod";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { CELL_TYPE_LABELS, cellKeyRows, type CellKeyRow } from "@/lib/api/cell-keys";
import { ENDPOINTS, type EndpointDoc } from "@/lib/api/endpoints";
import { ERROR_CODE_LABELS, ERROR_CODES } from "@/lib/api/errors";
import { DEFAULT_LIMIT, MAX_LIMIT } from "@/lib/api/params";
import { FORMAT_VERSIONS, FORMATS, type FormatVersion } from "@/lib/format";

// The human side of /api/v1. Endpoints, parameters and the cell dictionary are rendered from the same data the API
// and its OpenAPI document are built from (lib/api/endpoints.ts, lib/format), so this page cannot fall behind them.

export const metadata: Metadata = {
  title: "开放数据",
  description: "政府信息公开工作年度报告的开放数据接口：地区、机关、已发布报告及其表格数据，JSON 格式，附全部单元格代码表。",
};

const FORMAT_TITLES: Record<FormatVersion, string> = {
  "2019": "2019 格式（2019—2020 年度，试行格式）",
  "2021": "2021 格式（2021 年度起）",
};

const card = "rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6";
const code = "rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.8125rem] text-slate-800";

export default function DataPage() {
  return (
    <div className="space-y-8">
      <div>
        <Breadcrumbs items={[{ href: "/", label: "首页" }, { label: "开放数据" }]} />
        <h1 className="text-2xl font-semibold text-brand-800">开放数据接口</h1>
        <p className="mt-3 max-w-3xl leading-7 text-slate-700">
          本平台收录的地区、机关和<strong>已发布</strong>的政府信息公开工作年度报告（正文及全部表格数据）可通过只读的 JSON 接口获取，无需注册，
          允许任何网站跨域调用。草稿、待审核和退回修改的报告不会出现在接口中；报告更正后，现行版本和历次发布版本都可查询。
        </p>
        <p className="mt-2 max-w-3xl leading-7 text-slate-700">
          机器可读的接口说明（OpenAPI 3.1）：
          <a href="/api/v1/openapi.json" className="ml-1 text-brand-700 underline-offset-2 hover:underline">
            <code className={code}>/api/v1/openapi.json</code>
          </a>
          ，由接口实际使用的参数校验规则和响应结构生成。
        </p>
      </div>

      <section aria-labelledby="endpoints-heading" className="space-y-4">
        <h2 id="endpoints-heading" className="text-lg font-semibold">
          接口一览
        </h2>
        {ENDPOINTS.map((ep) => (
          <Endpoint key={ep.path} ep={ep} />
        ))}
      </section>

      <section aria-labelledby="paging-heading" className={card}>
        <h2 id="paging-heading" className="text-lg font-semibold">
          分页
        </h2>
        <div className="mt-2 space-y-2 leading-7 text-slate-700">
          <p>
            列表接口返回 <code className={code}>{"{ \"data\": [...], \"next_cursor\": \"...\" }"}</code>。
            <code className={code}>limit</code> 为每页条数，默认 {DEFAULT_LIMIT}，最多 {MAX_LIMIT}。
            把 <code className={code}>next_cursor</code> 原样作为 <code className={code}>cursor</code> 参数、其他参数不变，即得下一页；
            <code className={code}>next_cursor</code> 为 <code className={code}>null</code> 表示已是最后一页。
          </p>
          <p>
            列表按唯一键排序（报告、机关按 id，地区按区划代码，单元格代码按官方表格顺序），翻页期间新发布的报告不会使已有条目重复或遗漏。游标不透明，请勿自行构造。
          </p>
        </div>
      </section>

      <section aria-labelledby="cache-heading" className={card}>
        <h2 id="cache-heading" className="text-lg font-semibold">
          缓存与跨域
        </h2>
        <p className="mt-2 leading-7 text-slate-700">
          成功的响应带弱 <code className={code}>ETag</code> 和 <code className={code}>Cache-Control: public, max-age=60</code>（数据最多延迟一分钟）。
          再次请求时带上 <code className={code}>If-None-Match</code>，内容未变则返回 304 且无响应体。所有响应带{" "}
          <code className={code}>Access-Control-Allow-Origin: *</code>。
        </p>
      </section>

      <section aria-labelledby="values-heading" className={card}>
        <h2 id="values-heading" className="text-lg font-semibold">
          数值、空白与单位
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 leading-7 text-slate-700">
          <li>
            单元格数值是 JSON 数字；<strong>空白（未填）为 null，不等于 0</strong>。合计单元格由其组成部分计算得出（空白按 0 计）。
          </li>
          <li>件数、项数为整数；只有 2019 格式的“本年增/减”可为负数。</li>
          <li>
            金额为精确值，按存储单位原样给出、不做换算：2019 格式“采购总金额”单位为<strong>元</strong>，2021 格式“收费金额”单位为<strong>万元</strong>。
            含单元格数值的响应另有 <code className={code}>units</code> 字段列出其中金额单元格的单位。
          </li>
          <li>
            <code className={code}>/api/v1/cells</code> 中，报告格式里没有的单元格不出现在该行（与空白的 null 相区别）。
          </li>
          <li>时间为 ISO 8601 格式的协调世界时（UTC），如 2021-01-29T02:00:00.000Z。</li>
        </ul>
      </section>

      <section aria-labelledby="errors-heading" className={card}>
        <h2 id="errors-heading" className="text-lg font-semibold">
          错误
        </h2>
        <p className="mt-2 leading-7 text-slate-700">
          出错时返回相应的 HTTP 状态码和 <code className={code}>{"{ \"error\": { \"code\", \"message\", \"details\" } }"}</code>，message 为中文说明，details
          列出每个有问题的参数。未知参数、重复参数、超出范围的取值不会被忽略；参数值为空（如 <code className={code}>year=</code>）视同未传。
        </p>
        <table className="mt-3 w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-slate-500">
              <th scope="col" className="py-2 pr-4 font-medium">
                状态码
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                code
              </th>
              <th scope="col" className="py-2 font-medium">
                含义
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {ERROR_CODES.map((c) => (
              <tr key={c}>
                <td className="py-2 pr-4 tabular-nums">{ERROR_CODE_LABELS[c].status}</td>
                <td className="py-2 pr-4">
                  <code className={code}>{c}</code>
                </td>
                <td className="py-2">{ERROR_CODE_LABELS[c].label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="keys-heading" className="space-y-6">
        <div>
          <h2 id="keys-heading" className="text-lg font-semibold">
            单元格代码表
          </h2>
          <p className="mt-2 max-w-3xl leading-7 text-slate-700">
            两种表格格式的全部单元格，按官方表格顺序排列，名称取自官方格式。同一代码在两种格式中含义相同；只在一种格式中出现的代码，另一种格式的报告没有该单元格。
            也可通过 <a href="/api/v1/cell-keys?limit=500" className="text-brand-700 hover:underline"><code className={code}>/api/v1/cell-keys</code></a> 获取。
          </p>
          <nav aria-label="单元格代码表目录" className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {FORMAT_VERSIONS.map((v) => (
              <a key={v} href={`#keys-${v}`} className="text-brand-700 hover:underline">
                {FORMAT_TITLES[v]}
              </a>
            ))}
          </nav>
        </div>
        {FORMAT_VERSIONS.map((v) => (
          <FormatKeys key={v} version={v} />
        ))}
      </section>
    </div>
  );
}

function Endpoint({ ep }: { ep: EndpointDoc }) {
  const params = Object.entries(ep.query.shape).map(([name, schema]) => ({ name, description: z.globalRegistry.get(schema)?.description ?? "" }));
  return (
    <article className={card} aria-labelledby={`ep-${ep.operationId}`}>
      <h3 id={`ep-${ep.operationId}`} className="font-semibold text-slate-900">
        {ep.summary}
      </h3>
      <p className="mt-1">
        <code className={code}>GET /api/v1{ep.path}</code>
      </p>
      <p className="mt-2 leading-7 text-slate-700">{ep.description}</p>
      {ep.pathParams.length + params.length > 0 ? (
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {ep.pathParams.map((p) => (
            <Param key={p.name} name={`{${p.name}}`} description={p.description} />
          ))}
          {params.map((p) => (
            <Param key={p.name} name={p.name} description={p.description} />
          ))}
        </dl>
      ) : null}
      {ep.example ? (
        <p className="mt-3 text-sm">
          示例：
          <a href={ep.example} className="break-all text-brand-700 hover:underline">
            <code className={code}>{ep.example}</code>
          </a>
        </p>
      ) : null}
    </article>
  );
}

function Param({ name, description }: { name: string; description: string }) {
  return (
    <>
      <dt>
        <code className={code}>{name}</code>
      </dt>
      <dd className="text-slate-700">{description}</dd>
    </>
  );
}

function FormatKeys({ version }: { version: FormatVersion }) {
  const rows = cellKeyRows(version);
  const tables = FORMATS[version].tables.map((t) => ({ table: t, rows: rows.filter((r) => r.table === t.id) }));
  return (
    <section aria-labelledby={`keys-${version}`} className={card}>
      <h3 id={`keys-${version}`} className="text-base font-semibold text-brand-800">
        {FORMAT_TITLES[version]}
      </h3>
      <p className="mt-1 text-sm text-slate-500">
        依据 {FORMATS[version].document}；共 {rows.filter((r) => !r.optional).length} 个单元格
        {rows.some((r) => r.optional) ? `，另有 ${rows.filter((r) => r.optional).length} 个可选的地方扩展单元格` : ""}。
      </p>
      {tables.map(({ table, rows: tableRows }) => (
        <div key={table.id} className="mt-5">
          <h4 className="font-medium text-slate-800">
            {tableRows[0]?.section_heading}
            {table.caption ? ` · ${table.caption}` : ""}
            <span className="ml-2 font-mono text-xs font-normal text-slate-500">{table.id}</span>
          </h4>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full min-w-[48rem] table-fixed text-left text-sm">
              {/* the same column widths in every table, so the tables of a format line up */}
              <colgroup>
                <col className="w-[34%]" />
                <col className="w-[26%]" />
                <col className="w-[18%]" />
                <col className="w-[6%]" />
                <col className="w-[16%]" />
              </colgroup>
              <thead>
                <tr className="border-b border-slate-300 bg-slate-50 text-slate-600">
                  <th scope="col" className="px-2 py-1.5 font-medium">
                    代码
                  </th>
                  <th scope="col" className="px-2 py-1.5 font-medium">
                    行
                  </th>
                  <th scope="col" className="px-2 py-1.5 font-medium">
                    列
                  </th>
                  <th scope="col" className="px-2 py-1.5 font-medium">
                    单位
                  </th>
                  <th scope="col" className="px-2 py-1.5 font-medium">
                    类型
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {tableRows.map((r) => (
                  <KeyRow key={r.key} row={r} />
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </section>
  );
}

function KeyRow({ row }: { row: CellKeyRow }) {
  const rowLabel = [...row.row_groups, row.row_label].filter(Boolean).join(" ");
  const colLabel = [...row.column_groups, row.column_label].filter(Boolean).join(" ");
  return (
    <tr data-key={row.key} className="align-top">
      <td className="break-all px-2 py-1.5 font-mono text-xs text-slate-800">{row.key}</td>
      <td className="px-2 py-1.5">{rowLabel || "—"}</td>
      <td className="px-2 py-1.5">{colLabel}</td>
      <td className="px-2 py-1.5 whitespace-nowrap">{row.unit}</td>
      <td className="px-2 py-1.5 text-slate-600">
        {CELL_TYPE_LABELS[row.type]}
        {row.derived ? <span className="ml-1 rounded bg-brand-50 px-1 text-xs text-brand-700">合计</span> : null}
        {row.optional ? <span className="ml-1 rounded bg-amber-50 px-1 text-xs text-amber-800">可选</span> : null}
      </td>
    </tr>
  );
}
