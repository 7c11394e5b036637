"use client";
// 提交审核: the same checks the server makes, listed with links to the cells; every soft warning needs a written
// explanation. The button is enabled only when nothing is left, and says what is left otherwise.
import { memo, useState } from "react";
import { SECTIONS, cellDef, type FormatVersion, type Issue } from "@/lib/format";
import type { Readiness, RawInput } from "@/lib/filing-client";
import { messageDomId } from "./grid-context";

export interface ServerBlock {
  message: string;
  errors: Issue[];
  blanks: string[];
  missingExplanations: string[];
}

// Memoised on the checklist's inputs: typing a narrative does not re-render it.
export const SubmitPanel = memo(function SubmitPanel({
  version,
  readiness,
  raw,
  explanations,
  onExplain,
  onFocusCell,
  focusKeyOf,
  onFillZeros,
  onSubmit,
  submitting,
  disabledReason,
  serverBlock,
  submitError,
}: {
  version: FormatVersion;
  readiness: Readiness;
  raw: Readonly<Record<string, RawInput>>;
  explanations: Readonly<Record<string, string>>;
  onExplain: (key: string, text: string) => void;
  onFocusCell: (key: string) => void;
  focusKeyOf: (issue: Issue) => string;
  onFillZeros: () => void;
  onSubmit: () => void;
  submitting: boolean;
  /** something outside the checks that prevents submitting now (a conflict, a save refused) */
  disabledReason: string | null;
  serverBlock: ServerBlock | null;
  submitError: string | null;
}) {
  const r = readiness;
  const label = (key: string) => cellDef(version, key)?.label ?? key;
  const unexplained = r.warnings.filter((w) => !w.explained).length;
  const left = [
    r.errors.length > 0 ? `${r.errors.length} 个错误` : "",
    r.unreadable.length > 0 ? `${r.unreadable.length} 个无法识别的单元格` : "",
    r.blankCount > 0 ? `${r.blankCount} 个空格` : "",
    r.overlongSections.length > 0 ? `${r.overlongSections.length} 部分超出字数` : "",
    unexplained > 0 ? `${unexplained} 条提示未说明` : "",
  ].filter(Boolean);

  return (
    <section aria-labelledby="submit-heading" className="space-y-4 rounded-lg border border-slate-300 bg-white p-4 sm:p-6" id="submit-panel" tabIndex={-1}>
      <h2 id="submit-heading" className="text-lg font-semibold text-brand-800">
        提交审核
      </h2>
      <p className="text-sm leading-6 text-slate-600">提交前系统会按官方格式的勾稽关系再次检查。所有错误改正、所有空格填写、每条提示写明情况说明后，才能提交。</p>

      {r.errors.length > 0 || r.unreadable.length > 0 ? (
        <div>
          <h3 className="font-medium text-red-800">
            有 {r.errors.length + r.unreadable.length} 个错误需要改正
          </h3>
          <ul className="mt-1 space-y-1 text-sm">
            {r.unreadable.map((k) => (
              <li key={`raw-${k}`}>
                <CellLink onClick={() => onFocusCell(k)}>
                  {label(k)}：“{raw[k]?.text}”{raw[k]?.message}
                </CellLink>
              </li>
            ))}
            {r.errors.map((e, i) => (
              <li key={i}>
                <CellLink onClick={() => onFocusCell(focusKeyOf(e))}>{e.message}</CellLink>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {r.blankCount > 0 ? (
        <div>
          <div className="flex flex-wrap items-center gap-3">
            <h3 className="font-medium text-red-800">有 {r.blankCount} 个空格未填写</h3>
            <button type="button" onClick={onFillZeros} className="rounded border border-slate-400 px-3 py-1 text-sm hover:bg-slate-50">
              剩余空格填 0
            </button>
          </div>
          <p className="mt-1 text-xs text-slate-600">没有发生的事项请填 0，不要留空。</p>
          <ul className="mt-1 space-y-1 text-sm">
            {r.blanks.map((g) => (
              <li key={g.section}>
                <BlankGroup heading={g.heading} keys={g.keys} label={label} onFocusCell={onFocusCell} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {r.overlongSections.length > 0 ? (
        <p className="text-sm text-red-800">
          以下部分超出字数上限：{r.overlongSections.map((k) => SECTIONS.find((s) => s.key === k)?.heading).join("、")}
        </p>
      ) : null}

      {r.warnings.length > 0 ? (
        <div>
          <h3 className="font-medium text-amber-900">有 {r.warnings.length} 条提示，请逐条写明情况说明</h3>
          <ol className="mt-2 space-y-4">
            {r.warnings.map((w) => {
              const id = messageDomId("explain", w.key);
              return (
                <li key={w.key} className="rounded border border-amber-300 bg-amber-50 p-3">
                  <p className="text-sm text-slate-800">
                    <span id={`${id}-msg`}>{w.issue.message}</span>{" "}
                    <CellLink onClick={() => onFocusCell(focusKeyOf(w.issue))}>定位</CellLink>
                  </p>
                  <label htmlFor={id} className="mt-2 block text-sm font-medium text-slate-700">
                    情况说明（必填）
                  </label>
                  <textarea
                    id={id}
                    value={explanations[w.key] ?? ""}
                    onChange={(e) => onExplain(w.key, e.target.value)}
                    aria-describedby={`${id}-msg`}
                    aria-invalid={!w.explained || undefined}
                    rows={2}
                    className="mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 text-sm leading-6"
                    placeholder="例如：上年报告结转数填报有误，本年已按实际情况调整"
                  />
                </li>
              );
            })}
          </ol>
        </div>
      ) : null}

      {serverBlock ? (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-medium">服务器检查未通过：{serverBlock.message}</p>
          {serverBlock.errors.length > 0 ? (
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {serverBlock.errors.map((e, i) => (
                <li key={i}>
                  <CellLink onClick={() => onFocusCell(focusKeyOf(e))}>{e.message}</CellLink>
                </li>
              ))}
            </ul>
          ) : null}
          {serverBlock.blanks.length > 0 ? <p className="mt-1">有 {serverBlock.blanks.length} 个空格未填写。</p> : null}
          {serverBlock.missingExplanations.length > 0 ? <p className="mt-1">有 {serverBlock.missingExplanations.length} 条提示缺少情况说明。</p> : null}
        </div>
      ) : null}
      {submitError ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {submitError}
        </p>
      ) : null}

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
        <button
          type="button"
          onClick={onSubmit}
          disabled={!r.ready || submitting || disabledReason !== null}
          aria-describedby="submit-left"
          className="rounded bg-seal px-5 py-2.5 font-medium text-white hover:brightness-110 disabled:cursor-not-allowed disabled:bg-slate-400"
        >
          {submitting ? "正在提交…" : "提交审核"}
        </button>
        <p id="submit-left" className="text-sm text-slate-700">
          {disabledReason ?? (left.length > 0 ? `还不能提交：${left.join("、")}。` : "检查已通过，可以提交。")}
        </p>
      </div>
    </section>
  );
});

/** A section's blank cells, listed only once opened: up to 200 links are not built on every keystroke. */
function BlankGroup({ heading, keys, label, onFocusCell }: { heading: string; keys: string[]; label: (k: string) => string; onFocusCell: (k: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer py-1">
        {heading}：{keys.length} 个空格
      </summary>
      {open ? (
        <ul className="ml-5 mt-1 max-h-64 space-y-0.5 overflow-y-auto">
          {keys.map((k) => (
            <li key={k}>
              <CellLink onClick={() => onFocusCell(k)}>{label(k)}</CellLink>
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}

function CellLink({ onClick, children }: { onClick: () => void; children: React.ReactNode }) {
  return (
    <button type="button" onClick={onClick} className="text-left text-brand-700 underline decoration-brand-600/40 underline-offset-2 hover:decoration-brand-700">
      {children}
    </button>
  );
}
