"use client";
// Someone else saved the report while the clerk was editing. Autosave is halted until the clerk chooses whose
// version to continue from; every differing cell and section is listed with both values so the choice is informed.
import { useEffect, useId, useRef } from "react";
import { cellDef, formatCellValue, type FormatVersion } from "@/lib/format";
import type { DraftDiff } from "@/lib/filing-client";
import { formatDateTime } from "./time";

export function ConflictDialog({
  version,
  diff,
  theirs,
  busy,
  onLoadTheirs,
  onKeepMine,
}: {
  version: FormatVersion;
  diff: DraftDiff;
  theirs: { savedAt: string; savedBy: string };
  busy: boolean;
  onLoadTheirs: () => void;
  onKeepMine: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    // Start on the heading, not on a choice (both discard something) nor on the scrolling list.
    heading.current?.focus();
    return () => d?.close();
  }, []);
  const show = (key: string, v: number | null) => {
    const def = cellDef(version, key);
    return v === null ? "（空）" : def ? formatCellValue(def, v) : String(v);
  };
  const count = diff.cells.length + diff.sections.length;
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      // The choice cannot be skipped: closing with Escape would leave autosave halted without saying why.
      onCancel={(e) => e.preventDefault()}
      className="m-auto max-h-[90vh] w-[min(52rem,calc(100vw-2rem))] overflow-hidden rounded-lg p-0 shadow-xl backdrop:bg-slate-900/50"
    >
      <div className="flex max-h-[90vh] flex-col">
        <div className="border-b border-slate-200 px-5 py-4">
          <h2 ref={heading} tabIndex={-1} id={`${id}-title`} className="text-lg font-semibold text-slate-900 outline-none">
            他人已修改本报告
          </h2>
          <p id={`${id}-desc`} className="mt-1 text-sm leading-6 text-slate-700">
            {theirs.savedBy} 于 {formatDateTime(theirs.savedAt)} 保存了本报告。您的修改尚未保存。以下 {count} 处内容不同，请选择保留哪个版本：
          </p>
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4 text-sm">
          {diff.cells.length > 0 ? (
            <table className="w-full border-collapse text-left">
              <caption className="pb-2 text-left font-medium text-slate-800">表格（{diff.cells.length} 个单元格不同）</caption>
              <thead>
                <tr className="border-b border-slate-300 text-slate-600">
                  <th scope="col" className="py-1 pr-2 font-medium">
                    单元格
                  </th>
                  <th scope="col" className="px-2 py-1 text-right font-medium">
                    我的
                  </th>
                  <th scope="col" className="py-1 pl-2 text-right font-medium">
                    对方
                  </th>
                </tr>
              </thead>
              <tbody>
                {diff.cells.map((c) => (
                  <tr key={c.key} className="border-b border-slate-100">
                    <th scope="row" className="py-1 pr-2 font-normal text-slate-800">
                      {c.label}
                    </th>
                    <td className="px-2 py-1 text-right tabular-nums">{show(c.key, c.mine)}</td>
                    <td className="py-1 pl-2 text-right tabular-nums">{show(c.key, c.theirs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {diff.sections.length > 0 ? (
            <div className="mt-4 space-y-3">
              <p className="font-medium text-slate-800">文字（{diff.sections.length} 部分不同）</p>
              {diff.sections.map((s) => (
                <div key={s.key} className="rounded border border-slate-200 p-3">
                  <p className="font-medium text-slate-800">{s.heading}</p>
                  <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                    <dt className="text-slate-600">我的</dt>
                    <dd className="break-all">{s.mineExcerpt}（共 {s.mine.length} 字）</dd>
                    <dt className="text-slate-600">对方</dt>
                    <dd className="break-all">{s.theirsExcerpt}（共 {s.theirs.length} 字）</dd>
                  </dl>
                </div>
              ))}
            </div>
          ) : null}
        </div>
        <div className="flex flex-wrap justify-end gap-3 border-t border-slate-200 px-5 py-4">
          <button
            type="button"
            disabled={busy}
            onClick={onLoadTheirs}
            className="rounded border border-slate-400 bg-white px-4 py-2 text-sm hover:bg-slate-50 disabled:opacity-50"
          >
            载入对方版本
            <span className="sr-only">（放弃我的修改）</span>
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={onKeepMine}
            className="rounded bg-brand-700 px-4 py-2 text-sm text-white hover:bg-brand-800 disabled:opacity-50"
          >
            保留我的版本
            <span className="sr-only">（覆盖对方的修改）</span>
          </button>
        </div>
        <p className="px-5 pb-4 text-xs text-slate-500">“载入对方版本”将放弃您尚未保存的修改；“保留我的版本”将用您的内容覆盖对方的修改。</p>
      </div>
    </dialog>
  );
}
