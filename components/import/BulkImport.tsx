"use client";
/**
 * 批量导入 for supervisors and administrators: a folder (or several files) of past reports. First every file is
 * read on the server, one request per file (nothing stored), and the agency its title names is pre-selected among
 * the agencies the user may import for; files without a match need a choice. Then 「开始导入」 sends the files one
 * by one again — the server parses each itself and stores it (docs/decisions.md "Import") — while the progress bar
 * advances and each row gets its result.
 */
import { useMemo, useRef, useState } from "react";
import Link from "next/link";
import type { ParsedUpload } from "@/lib/import/preview";
import { ImportFindings } from "./ImportFindings";
import { FILE_INPUT, fileLabel, importFileFor, parseFile } from "./upload-client";

export interface ImportAgency {
  id: number;
  name: string;
  regionCode: string;
}

type Outcome =
  | { kind: "submitted" | "draft" | "exists"; text: string; reportId: number }
  | { kind: "unreadable" | "refused" | "skipped" | "error"; text: string };

interface Row {
  key: number;
  file: File;
  label: string;
  parsed: ParsedUpload | null;
  readError: string | null;
  /** "" = not chosen yet, "skip" = not to be imported */
  target: string;
  /** the year to store when the file names none */
  year: string;
  outcome: Outcome | null;
}

type Phase = "idle" | "reading" | "ready" | "importing" | "done";

const SKIP = "skip";


export function BulkImport({ agencies, maxYear }: { agencies: readonly ImportAgency[]; maxYear: number }) {
  const [rows, setRows] = useState<Row[]>([]);
  const [phase, setPhase] = useState<Phase>("idle");
  const [done, setDone] = useState(0);
  const [total, setTotal] = useState(0);
  const [startError, setStartError] = useState<string | null>(null);
  const runId = useRef(0);
  const agencyById = useMemo(() => new Map(agencies.map((a) => [a.id, a])), [agencies]);
  const duplicateNames = useMemo(() => {
    const seen = new Set<string>();
    const dup = new Set<string>();
    for (const a of agencies) (seen.has(a.name) ? dup : seen).add(a.name);
    return dup;
  }, [agencies]);
  const years = useMemo(() => Array.from({ length: maxYear - 2019 + 1 }, (_, i) => maxYear - i), [maxYear]);

  const update = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const choose = async (files: FileList | null) => {
    // Hidden files of a folder (.DS_Store and the like) are not reports.
    const list = Array.from(files ?? []).filter((f) => !f.name.startsWith("."));
    const run = ++runId.current;
    const fresh: Row[] = list.map((file, i) => ({ key: run * 100_000 + i, file, label: fileLabel(file), parsed: null, readError: null, target: "", year: "", outcome: null }));
    setRows(fresh);
    setStartError(null);
    if (fresh.length === 0) {
      setPhase("idle");
      return;
    }
    setPhase("reading");
    setTotal(fresh.length);
    setDone(0);
    for (let i = 0; i < fresh.length; i++) {
      const row = fresh[i]!;
      const answer = await parseFile(row.file, true);
      if (runId.current !== run) return; // another selection replaced this one
      if (answer.ok) {
        const p = answer.data;
        update(row.key, { parsed: p, target: p.match && agencyById.has(p.match.id) ? String(p.match.id) : "" });
      } else {
        update(row.key, { readError: answer.error });
      }
      setDone(i + 1);
    }
    setPhase("ready");
  };

  const importable = (r: Row) => r.parsed !== null && !r.parsed.blocker && r.readError === null;
  const needsAgency = rows.filter((r) => importable(r) && r.target === "");
  const needsYear = rows.filter((r) => importable(r) && r.target !== SKIP && r.parsed!.result.year === null && r.year === "");

  const start = async () => {
    if (needsAgency.length > 0 || needsYear.length > 0) {
      setStartError(
        [needsAgency.length > 0 ? `${needsAgency.length} 个文件还未选择机关（不导入的请选“不导入此文件”）` : "", needsYear.length > 0 ? `${needsYear.length} 个文件未读出年度，请选择年度` : ""]
          .filter(Boolean)
          .join("；") + "。",
      );
      return;
    }
    setStartError(null);
    const run = runId.current;
    const list = rows;
    setPhase("importing");
    setTotal(list.length);
    setDone(0);
    for (let i = 0; i < list.length; i++) {
      const row = list[i]!;
      update(row.key, { outcome: await importRow(row) });
      if (runId.current !== run) return;
      setDone(i + 1);
    }
    setPhase("done");
  };

  const importRow = async (row: Row): Promise<Outcome> => {
    if (row.readError) return { kind: "error", text: `读取出错：${row.readError}` };
    if (!row.parsed || row.parsed.blocker) return { kind: "unreadable", text: `无法识别：${row.parsed?.blocker ?? "未能读取"}` };
    if (row.target === SKIP) return { kind: "skipped", text: "未导入（已选择不导入此文件）" };
    const answer = await importFileFor(row.file, Number(row.target), row.parsed.result.year === null ? Number(row.year) : null);
    if (!answer.ok) return { kind: "error", text: `出错：${answer.error}` };
    const o = answer.data;
    if (o.ok) return o.status === "SUBMITTED" ? { kind: "submitted", text: "已导入，待审核", reportId: o.reportId } : { kind: "draft", text: "已创建草稿（有勾稽错误，待填报人更正后提交）", reportId: o.reportId };
    if (o.kind === "exists") return { kind: "exists", text: "已存在，未覆盖", reportId: o.reportId };
    if (o.kind === "unreadable") return { kind: "unreadable", text: `无法识别：${o.message}` };
    return { kind: "refused", text: `未导入：${o.message}` };
  };

  const counts = useMemo(() => {
    const c: Record<Outcome["kind"], number> = { submitted: 0, draft: 0, exists: 0, unreadable: 0, refused: 0, skipped: 0, error: 0 };
    for (const r of rows) if (r.outcome) c[r.outcome.kind]++;
    return c;
  }, [rows]);
  const busy = phase === "reading" || phase === "importing";
  const agencyLabel = (a: ImportAgency) => (duplicateNames.has(a.name) ? `${a.name}（${a.regionCode}）` : a.name);

  return (
    <div className="space-y-6">
      <section aria-labelledby="bulk-choose" className="space-y-3 rounded-lg bg-white p-5 ring-1 ring-slate-200">
        <h2 id="bulk-choose" className="font-semibold text-brand-800">
          选择文件
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="bulk-folder" className="block text-sm font-medium text-slate-700">
              选择文件夹
            </label>
            <input
              id="bulk-folder"
              type="file"
              multiple
              {...({ webkitdirectory: "", directory: "" } as Record<string, string>)}
              disabled={busy}
              onChange={(e) => void choose(e.currentTarget.files)}
              aria-describedby="bulk-hint"
              className={FILE_INPUT}
            />
          </div>
          <div>
            <label htmlFor="bulk-files" className="block text-sm font-medium text-slate-700">
              或选择多个文件
            </label>
            <input
              id="bulk-files"
              type="file"
              multiple
              disabled={busy}
              onChange={(e) => void choose(e.currentTarget.files)}
              aria-describedby="bulk-hint"
              className={FILE_INPUT}
            />
          </div>
        </div>
        <p id="bulk-hint" className="text-xs text-slate-600">
          支持 PDF（须有文字层）、Word（.docx）、网页（.html/.htm）和文本（.txt）；每个文件不超过 20 MB。系统按报告标题中的机关名称自动匹配本地区的机关，未能匹配的请手动选择。
          导入的报告不会直接发布：没有勾稽错误的进入待审核列表，由您审核发布；有错误的成为该机关的草稿，由填报人更正后提交。已有的报告不会被覆盖。
        </p>
      </section>

      {rows.length > 0 ? (
        <section aria-labelledby="bulk-files-heading" className="space-y-4 rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="bulk-files-heading" className="font-semibold text-brand-800">
              文件（{rows.length} 个）
            </h2>
            <button
              type="button"
              onClick={() => void start()}
              disabled={phase !== "ready"}
              aria-describedby={startError ? "bulk-start-error" : undefined}
              className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800 disabled:cursor-not-allowed disabled:bg-slate-400"
            >
              开始导入（{rows.length} 个文件）
            </button>
          </div>
          {startError ? (
            <p id="bulk-start-error" role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
              {startError}
            </p>
          ) : null}
          <div>
            <progress id="bulk-progress" max={Math.max(total, 1)} value={done} aria-label="进度" aria-describedby="bulk-progress-text" className="h-3 w-full" />
            <p id="bulk-progress-text" aria-live="polite" className="mt-1 text-sm text-slate-700">
              {phase === "reading" || phase === "ready" ? "读取" : "导入"}：已处理 {done} / {total}
              {phase === "done"
                ? `。完成：已导入待审核 ${counts.submitted}，已创建草稿 ${counts.draft}，已存在未覆盖 ${counts.exists}，无法识别 ${counts.unreadable}` +
                  (counts.refused + counts.skipped + counts.error > 0 ? `，未导入 ${counts.refused + counts.skipped + counts.error}` : "")
                : ""}
            </p>
          </div>
          <div className="overflow-x-auto">
            <table className="official-table w-full text-sm" aria-label="批量导入文件及结果">
              <thead>
                <tr>
                  <th scope="col" className="min-w-[9rem]">
                    文件
                  </th>
                  <th scope="col">读出的内容</th>
                  <th scope="col">导入到机关</th>
                  <th scope="col">年度</th>
                  <th scope="col" className="min-w-[11rem]">
                    结果
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const p = row.parsed;
                  const r = p?.result;
                  const ok = importable(row);
                  return (
                    <tr key={row.key} data-file={row.label}>
                      <th scope="row" className="text-left! font-normal! break-all">
                        {row.label}
                      </th>
                      <td className="text-left!">
                        {row.readError ? (
                          <span className="text-red-700">{row.readError}</span>
                        ) : !p ? (
                          <span className="text-slate-500">{phase === "reading" ? "等待读取…" : ""}</span>
                        ) : p.blocker ? (
                          <>
                            <span className="text-red-700">无法识别：{p.blocker}</span>
                            <ImportFindings result={r!} compact />
                          </>
                        ) : (
                          <span>
                            {r!.agencyName ?? "（未读出机关名称）"}
                            <span className="block text-xs text-slate-600">
                              {r!.formatVersion ? `${r!.formatVersion} 年版格式` : "格式未判定"} · 问题 {r!.problems.length} 个
                            </span>
                          </span>
                        )}
                      </td>
                      <td className="text-left!">
                        {ok ? (
                          <select
                            value={row.target}
                            disabled={busy || phase === "done"}
                            onChange={(e) => update(row.key, { target: e.target.value })}
                            aria-label={`${row.label} 导入到的机关`}
                            aria-invalid={row.target === "" || undefined}
                            className={`max-w-[18rem] rounded border px-2 py-1 ${row.target === "" ? "border-red-500" : "border-slate-300"}`}
                          >
                            <option value="">请选择机关</option>
                            <option value={SKIP}>不导入此文件</option>
                            {agencies.map((a) => (
                              <option key={a.id} value={a.id}>
                                {agencyLabel(a)}
                              </option>
                            ))}
                          </select>
                        ) : null}
                        {ok && p!.match && row.target === String(p!.match.id) ? <span className="block text-xs text-emerald-700">按名称自动匹配</span> : null}
                        {ok && !p!.match ? <span className="block text-xs text-amber-800">未能自动匹配，请选择</span> : null}
                      </td>
                      <td>
                        {r?.year ?? null}
                        {ok && r!.year === null && row.target !== SKIP ? (
                          <select
                            value={row.year}
                            disabled={busy || phase === "done"}
                            onChange={(e) => update(row.key, { year: e.target.value })}
                            aria-label={`${row.label} 的报告年度`}
                            className="rounded border border-slate-300 px-2 py-1"
                          >
                            <option value="">请选择</option>
                            {years.map((y) => (
                              <option key={y} value={y}>
                                {y}
                              </option>
                            ))}
                          </select>
                        ) : null}
                      </td>
                      <td className="text-left!" data-result={row.outcome?.kind}>
                        {row.outcome ? <ResultCell outcome={row.outcome} agencyName={agencyById.get(Number(row.target))?.name} /> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}

function ResultCell({ outcome, agencyName }: { outcome: Outcome; agencyName: string | undefined }) {
  const tone =
    outcome.kind === "submitted" || outcome.kind === "draft"
      ? "text-emerald-800"
      : outcome.kind === "exists" || outcome.kind === "skipped"
        ? "text-slate-700"
        : "text-red-700";
  return (
    <span className={tone}>
      {outcome.text}
      {"reportId" in outcome ? (
        <Link href={`/review/reports/${outcome.reportId}`} className="ml-2 text-brand-700 underline">
          {outcome.kind === "exists" ? "查看已有报告" : outcome.kind === "submitted" ? "审核" : "查看草稿"}
          <span className="sr-only">（{agencyName}）</span>
        </Link>
      ) : null}
    </span>
  );
}
