"use client";
import { memo } from "react";
// The checks' findings for one table, under it. Each message has the id the involved inputs point to with
// aria-describedby, and a button that takes the clerk to the cell to fix.

export interface ListedIssue {
  /** DOM id of the message (the cells' aria-describedby) */
  id: string;
  severity: "error" | "warning";
  message: string;
  /** cell to focus */
  focusKey: string;
  /** "格式" for unreadable input, "服务器" for the server's refusal, else the rule title */
  source: string;
}

export const IssueList = memo(function IssueList({
  issues,
  onFocusCell,
  emptyText,
}: {
  issues: readonly ListedIssue[];
  onFocusCell: (key: string) => void;
  emptyText?: string;
}) {
  if (issues.length === 0) {
    return emptyText ? <p className="mt-2 text-sm text-emerald-700">{emptyText}</p> : null;
  }
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  return (
    <div className="mt-2 rounded border border-slate-200 bg-white p-3 text-sm">
      <p className="font-medium text-slate-700">
        本表校验：{errors > 0 ? <span className="text-red-700">{errors} 个错误</span> : null}
        {errors > 0 && warnings > 0 ? "，" : null}
        {warnings > 0 ? <span className="text-amber-800">{warnings} 个提示</span> : null}
      </p>
      <ul className="mt-2 space-y-1.5">
        {issues.map((i) => (
          <li key={i.id} className="flex items-start gap-2">
            <span
              className={`mt-0.5 shrink-0 rounded px-1.5 text-xs leading-5 ${i.severity === "error" ? "bg-red-100 text-red-800" : "bg-amber-100 text-amber-900"}`}
            >
              {i.severity === "error" ? "错误" : "提示"}
            </span>
            <span className="min-w-0 flex-1">
              <span id={i.id} className="text-slate-800">
                {i.message}
              </span>
              <span className="ml-1 text-xs text-slate-500">（{i.source}）</span>
            </span>
            <button
              type="button"
              onClick={() => onFocusCell(i.focusKey)}
              aria-describedby={i.id}
              className="shrink-0 rounded border border-slate-300 px-2 py-1 text-xs text-brand-700 hover:bg-brand-50"
            >
              定位
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
});
