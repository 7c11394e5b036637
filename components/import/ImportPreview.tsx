"use client";
/**
 * The clerk's import preview: what the importer read from a file, laid out as the report form lays it out — the
 * six sections with the official tables as editable grids (the same grid components and draft reducer as the
 * form) — beside the checks: the format engine's rules, live as cells are corrected, and every problem the
 * importer met, marked on its cells or section until the cell is changed. Nothing is stored until 「创建草稿」,
 * which sends the corrected copy to the server to be checked again from scratch.
 */
import { useActionState, useCallback, useMemo, useReducer, useState, type FormEvent } from "react";
import Link from "next/link";
import {
  RULES,
  SECTIONS,
  SECTION_MAX_LENGTH,
  blankLeafCells,
  cellDef,
  computeDerived,
  formatForYear,
  leafKeys,
  optionalKeys,
  validate,
  type CellMap,
  type FormatVersion,
  type SectionKey,
} from "@/lib/format";
import { draftReducer, initialDraft, isDirty, issueKey, type PastePlan } from "@/lib/filing-client";
import { matchAgencyName, placeProblem, previewProblems, type CreateImportState, type ParsedUpload } from "@/lib/import/preview";
import type { Problem } from "@/lib/import/types";
import type { GridData } from "@/components/filing/EditableGrid";
import { GridActionsContext, messageDomId } from "@/components/filing/grid-context";
import { focusCell, issueFocusKey, pasteNotice, placeMessages, useGridActions, useReportGrids, type PasteNotice } from "@/components/filing/grid-editing";
import type { ListedIssue } from "@/components/filing/IssueList";
import { SectionEditor } from "@/components/filing/SectionEditor";
import { SectionGrids } from "@/components/filing/SectionGrids";
import { useLeaveWarning } from "@/components/filing/useLeaveWarning";

export interface ExistingReport {
  year: number;
  reportId: number;
  statusLabel: string;
}

type CreateAction = (prev: CreateImportState | null, formData: FormData) => Promise<CreateImportState | null>;

const FORM_ID = "import-create";
/** the server actions' request limit is 1 MB; a report's text is far below it */
const MAX_PAYLOAD_CHARS = 900_000;
const NO_STRINGS: readonly string[] = [];
const NO_ERRORS: Record<string, string[]> = {};

export function ImportPreview({
  parsed,
  agencyName,
  existing,
  maxYear,
  action,
  onRestart,
}: {
  parsed: ParsedUpload;
  /** the clerk's agency */
  agencyName: string;
  existing: readonly ExistingReport[];
  maxYear: number;
  action: CreateAction;
  onRestart: () => void;
}) {
  const r = parsed.result;
  const readYear = r.year !== null && r.year >= 2019 && r.year <= maxYear ? r.year : null;
  const [year, setYear] = useState<number | null>(readYear);
  const [state, formAction, pending] = useActionState(action, null);
  const version: FormatVersion | null = r.formatVersion ?? (year !== null ? formatForYear(year) : null);
  const existingForYear = existing.find((e) => e.year === year) ?? null;
  const agencyDiffers = r.agencyName !== null && matchAgencyName(r.agencyName, [{ name: agencyName }]) === null;
  const yearError = state?.fieldErrors.year;
  const years = useMemo(() => Array.from({ length: maxYear - 2019 + 1 }, (_, i) => maxYear - i), [maxYear]);

  return (
    <div className="space-y-6">
      <section aria-labelledby="import-summary" className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h2 id="import-summary" className="text-lg font-semibold text-brand-800">
            读取结果：{parsed.file}
          </h2>
          <button type="button" onClick={onRestart} className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
            重新选择文件
          </button>
        </div>
        <dl className="mt-3 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt className="text-slate-500">
              <label htmlFor="import-year">报告年度</label>
            </dt>
            <dd>
              <select
                id="import-year"
                name="year"
                form={FORM_ID}
                value={year ?? ""}
                onChange={(e) => setYear(e.target.value ? Number(e.target.value) : null)}
                aria-invalid={!!yearError || undefined}
                aria-describedby="import-year-note import-year-error"
                className="mt-1 rounded border border-slate-300 px-2 py-1"
              >
                <option value="">请选择</option>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}年度
                  </option>
                ))}
              </select>
              <p id="import-year-note" className="mt-1 text-xs text-slate-600">
                {r.year === null ? "文件中未读出年度，请选择。" : readYear === null ? `文件中的年度 ${r.year} 不在可导入范围（2019–${maxYear}），请选择。` : `从文件读出：${r.year}年度`}
              </p>
              <p id="import-year-error" className="text-xs text-red-700">
                {yearError?.join("；")}
              </p>
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">表格格式</dt>
            <dd className="mt-1">
              {version ? `${version} 年版` : "未能判定"}
              {!r.formatVersion && version ? <span className="block text-xs text-slate-600">（按所选年度）</span> : null}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">报告中的机关</dt>
            <dd className="mt-1">{r.agencyName ?? "（未读出）"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">报告类型</dt>
            <dd className="mt-1">{r.scope === "SUMMARY" ? "汇总报告" : r.scope === "OWN" ? "本机关报告" : "未能判定"}</dd>
          </div>
        </dl>
        {agencyDiffers || r.agencyName === null ? (
          <p role="alert" className="mt-3 rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {agencyDiffers ? `报告标题中的机关“${r.agencyName}”与您的机关“${agencyName}”不一致。` : "未能从报告标题读出机关名称。"}
            导入后报告将作为“{agencyName}”的报告保存，请确认这是本机关的报告。
          </p>
        ) : null}
        {existingForYear ? (
          <p role="alert" className="mt-3 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
            您的机关已有{existingForYear.year}年度报告（{existingForYear.statusLabel}），导入不会覆盖它，因此不能再创建该年度的草稿。
            <Link href={`/filing/reports/${existingForYear.reportId}`} className="ml-1 font-medium underline">
              打开{existingForYear.year}年度报告
            </Link>
          </p>
        ) : null}
      </section>

      {version ? (
        <PreviewEditor
          key={version}
          version={version}
          parsed={parsed}
          blockedReason={existingForYear ? `已有${existingForYear.year}年度报告，不能再创建。` : year === null ? "请先选择报告年度。" : null}
          state={state}
          formAction={formAction}
          pending={pending}
        />
      ) : (
        <p className="rounded-lg bg-white p-5 text-slate-700 ring-1 ring-slate-200">未能判定表格格式：请先选择报告年度，表格将按该年度的格式显示。</p>
      )}
    </div>
  );
}

function PreviewEditor({
  version,
  parsed,
  blockedReason,
  state,
  formAction,
  pending,
}: {
  version: FormatVersion;
  parsed: ParsedUpload;
  blockedReason: string | null;
  state: CreateImportState | null;
  formAction: (formData: FormData) => void;
  pending: boolean;
}) {
  const r = parsed.result;
  // The cells as read (blank when the file's tables were not read in this version).
  const readCells = useMemo(() => {
    const out: CellMap = {};
    for (const k of [...leafKeys(version), ...optionalKeys(version)]) out[k] = r.formatVersion === version ? (r.cells[k] ?? null) : null;
    return out;
  }, [r, version]);
  const [draft, dispatch] = useReducer(draftReducer, undefined, () => initialDraft(version, { cells: readCells, sections: r.sections, explanations: {} }, []));
  const optionalShown = useMemo(() => optionalKeys(version).some((k) => readCells[k] != null), [version, readCells]);
  const grids = useReportGrids(version, optionalShown);
  const [notice, setNotice] = useState<PasteNotice | null>(null);
  const onPaste = useCallback((plan: PastePlan) => setNotice(pasteNotice(version, plan)), [version]);
  const gridActions = useGridActions(version, grids, dispatch, onPaste);
  const onSection = useCallback((key: SectionKey, text: string) => dispatch({ type: "section", key, text }), []);

  const values = useMemo(() => computeDerived(version, draft.cells), [version, draft.cells]);
  const issues = useMemo(() => validate(version, values), [version, values]);
  const serverErrors = state?.fieldErrors ?? NO_ERRORS;
  const problems = useMemo(() => previewProblems(r.problems).map((p, i) => ({ problem: p, id: `import-problem-${i}`, place: placeProblem(version, p) })), [r.problems, version]);

  // A problem stays on a cell until the cell is changed from what the file said.
  const openCells = useCallback((cells: readonly string[]) => cells.filter((k) => (draft.cells[k] ?? null) === (readCells[k] ?? null)), [draft.cells, readCells]);

  const { byGrid, views } = useMemo(() => {
    const items: (ListedIssue & { cells: readonly string[] })[] = [];
    for (const [k, raw] of Object.entries(draft.raw)) {
      items.push({ id: messageDomId("raw", k), severity: "error", message: `“${raw.text}”无法识别：${raw.message}`, focusKey: k, source: "输入格式", cells: [k] });
    }
    for (const [k, msgs] of Object.entries(serverErrors)) {
      if (cellDef(version, k)) items.push({ id: messageDomId("srv", k), severity: "error", message: msgs.join("；"), focusKey: k, source: "服务器未接受", cells: [k] });
    }
    for (const issue of issues) {
      items.push({
        id: messageDomId("issue", issueKey(issue)),
        severity: issue.severity,
        message: issue.message,
        focusKey: issueFocusKey(version, issue),
        source: RULES[issue.ruleId]?.title ?? issue.ruleId,
        cells: issue.cells,
      });
    }
    for (const p of problems) {
      const cells = openCells(p.place.cells);
      if (cells.length > 0) items.push({ id: p.id, severity: "warning", message: p.problem.message, focusKey: cells[0]!, source: "读取文件", cells });
    }
    return placeMessages(version, items);
  }, [draft.raw, serverErrors, issues, problems, openCells, version]);

  const gridData = useMemo<GridData>(() => ({ values, raw: draft.raw, prefilled: new Set<string>(), views }), [values, draft.raw, views]);
  const sectionNotes = useMemo(() => {
    const by: Partial<Record<SectionKey, string[]>> = {};
    for (const p of problems) if (p.place.section && p.place.cells.length === 0) (by[p.place.section] ??= []).push(p.problem.message);
    return by;
  }, [problems]);

  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  const blanks = blankLeafCells(version, values).length;
  const unreadable = Object.keys(draft.raw).length;
  const overlong = SECTIONS.filter((s) => draft.sections[s.key].length > SECTION_MAX_LENGTH);

  // Corrections live only in this page until the draft is created: leaving asks first.
  useLeaveWarning(isDirty(draft));

  const payload = useMemo(() => {
    const cells: CellMap = {};
    for (const k of leafKeys(version)) cells[k] = draft.cells[k] ?? null;
    if (optionalShown) for (const k of optionalKeys(version)) cells[k] = draft.cells[k] ?? null;
    return JSON.stringify({
      formatVersion: version,
      scope: r.scope,
      cells,
      sections: draft.sections,
      source: { file: parsed.file, agencyName: r.agencyName, problems: r.problems.map((p) => p.code) },
    });
  }, [version, draft.cells, draft.sections, optionalShown, r, parsed.file]);

  const holdReason =
    blockedReason ??
    (unreadable > 0
      ? `有 ${unreadable} 个单元格的内容无法识别，请先修改。`
      : overlong.length > 0
        ? `“${overlong[0]!.heading}”超出字数上限，请删减。`
        : payload.length > MAX_PAYLOAD_CHARS
          ? "报告内容过长，无法一次提交，请删减正文后再试。"
          : null);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    if (holdReason) e.preventDefault();
  };
  const globalProblems = problems.filter((p) => p.place.section === null && p.place.cells.length === 0);

  return (
    <GridActionsContext.Provider value={gridActions}>
      <div className="gap-6 lg:grid lg:grid-cols-[minmax(0,1fr)_19rem]">
        <div className="min-w-0 space-y-8">
          {notice ? (
            <div role="status" className={`flex items-center gap-3 rounded px-3 py-1.5 text-sm ${notice.tone === "warn" ? "bg-amber-50 text-amber-900" : "bg-brand-50 text-brand-800"}`}>
              <span className="min-w-0 flex-1">{notice.text}</span>
              <button type="button" onClick={() => setNotice(null)} className="px-1" aria-label="关闭提示">
                ×
              </button>
            </div>
          ) : null}
          {SECTIONS.map((s) => (
            <section key={s.key} aria-labelledby={`sec-${s.key}`} className="min-w-0 space-y-4">
              <h2 id={`sec-${s.key}`} tabIndex={-1} className="border-l-4 border-brand-600 pl-3 text-lg font-semibold text-brand-800">
                {s.heading}
              </h2>
              <SectionEditor
                sectionKey={s.key}
                label={s.hasTables ? "文字说明" : "正文"}
                value={draft.sections[s.key]}
                optional={s.hasTables}
                serverErrors={serverErrors[s.key]}
                notes={sectionNotes[s.key] ?? NO_STRINGS}
                onChange={onSection}
              />
              <SectionGrids sectionKey={s.key} version={version} grids={grids} data={gridData} issues={byGrid} />
            </section>
          ))}
        </div>

        <aside aria-label="检查结果与创建草稿" className="mt-8 space-y-4 self-start lg:sticky lg:top-4 lg:mt-0 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
          <section aria-labelledby="import-checks" className="rounded-lg bg-white p-4 text-sm ring-1 ring-slate-200">
            <h2 id="import-checks" className="font-semibold text-slate-800">
              检查结果
            </h2>
            <ul className="mt-2 space-y-1">
              <li className={errors > 0 ? "text-red-700" : ""}>勾稽与数值错误：{errors}</li>
              <li className={warnings > 0 ? "text-amber-800" : ""}>提示：{warnings}</li>
              <li className={problems.length > 0 ? "text-amber-800" : ""}>读取时发现的问题：{problems.length}</li>
              <li>空白单元格：{blanks}</li>
            </ul>
            <p className="mt-2 text-xs text-slate-600">表格中红框为规则错误，黄框为提示或读取问题；修改单元格后检查随即更新。草稿中可以保留空白，提交审核前需填写完整。</p>
          </section>

          {problems.length > 0 ? (
            <section aria-labelledby="import-problems" className="rounded-lg bg-white p-4 text-sm ring-1 ring-slate-200">
              <h2 id="import-problems" className="font-semibold text-slate-800">
                读取时发现的问题
              </h2>
              <ul className="mt-2 space-y-2">
                {problems.map((p) => (
                  <ProblemItem
                    key={p.id}
                    problem={p.problem}
                    id={globalProblems.includes(p) ? p.id : undefined}
                    cells={openCells(p.place.cells)}
                    corrected={p.place.cells.length > 0 && openCells(p.place.cells).length === 0}
                    section={p.place.section}
                  />
                ))}
              </ul>
            </section>
          ) : null}

          <form id={FORM_ID} action={formAction} onSubmit={onSubmit} className="space-y-2 rounded-lg bg-white p-4 text-sm ring-1 ring-slate-200">
            <input type="hidden" name="payload" value={payload} />
            <p className="text-slate-700">创建后报告为本机关的草稿，可在填报页面继续修改，检查无误后提交审核。</p>
            {state?.message ? (
              <p role="alert" id="import-create-error" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900">
                {state.message}
                {state.existingReportId ? (
                  <Link href={`/filing/reports/${state.existingReportId}`} className="ml-1 font-medium underline">
                    打开已有报告
                  </Link>
                ) : null}
                {serverErrors.form ? <span className="block">{serverErrors.form.join("；")}</span> : null}
              </p>
            ) : null}
            <button
              type="submit"
              disabled={pending || !!holdReason}
              aria-describedby={holdReason ? "import-hold" : undefined}
              className="w-full rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800 disabled:cursor-not-allowed disabled:bg-slate-400"
            >
              {pending ? "正在创建…" : "创建草稿"}
            </button>
            {holdReason ? (
              <p id="import-hold" className="text-xs text-red-700">
                {holdReason}
              </p>
            ) : null}
          </form>
        </aside>
      </div>
    </GridActionsContext.Provider>
  );
}

function ProblemItem({
  problem,
  id,
  cells,
  corrected,
  section,
}: {
  problem: Problem;
  id: string | undefined;
  /** its cells still as the file had them */
  cells: string[];
  corrected: boolean;
  section: SectionKey | null;
}) {
  const target = cells[0] ?? null;
  return (
    <li className="flex items-start gap-2">
      <span id={id} className="min-w-0 flex-1 text-slate-800">
        {problem.message}
        {problem.printed !== undefined && problem.printed !== null ? <span className="text-slate-500">（文件中印的是 {problem.printed}）</span> : null}
        {corrected ? <span className="ml-1 rounded bg-emerald-100 px-1 text-xs text-emerald-800">已修改</span> : null}
      </span>
      {target || section ? (
        <button
          type="button"
          onClick={() => (target ? focusCell(target) : document.getElementById(`sec-${section}`)?.focus())}
          className="shrink-0 rounded border border-slate-300 px-2 py-0.5 text-xs text-brand-700 hover:bg-brand-50"
        >
          定位
        </button>
      ) : null}
    </li>
  );
}
