"use client";
// The one line that tells the clerk whether their work is safe, and the manual save button.
import type { SaverStatus } from "./useDraftSaver";
import { formatSavedAt } from "./time";

export function SaveStatus({
  status,
  dirty,
  savedAt,
  unreadable,
  overlong,
  onSaveNow,
  disabled,
}: {
  status: SaverStatus;
  dirty: boolean;
  savedAt: string | null;
  /** cells holding unreadable text: saved with their previous value */
  unreadable: number;
  overlong: number;
  onSaveNow: () => void;
  disabled: boolean;
}) {
  let text: string;
  let tone = "text-slate-700";
  switch (status.kind) {
    case "saving":
      text = "正在保存…";
      break;
    case "failed":
      text = `保存失败：${status.message}，将自动重试`;
      tone = "text-red-700";
      break;
    case "rejected":
      text = `保存未被接受：${status.message}`;
      tone = "text-red-700";
      break;
    case "conflict":
      text = "他人已修改本报告，自动保存已暂停，请选择保留哪个版本";
      tone = "text-red-700";
      break;
    case "stopped":
      text = `无法保存：${status.message}`;
      tone = "text-red-700";
      break;
    default:
      if (dirty) {
        text = "有未保存的修改";
        tone = "text-amber-800";
      } else if (savedAt) {
        text = `已保存 ${formatSavedAt(savedAt)}`;
        tone = "text-emerald-800";
      } else {
        text = "尚未保存";
      }
  }
  const held = [
    unreadable > 0 ? `${unreadable} 个单元格内容无法识别，暂按原值保存` : "",
    overlong > 0 ? `${overlong} 部分文字超出字数上限，暂未保存该部分` : "",
  ].filter(Boolean);
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
      <p className={`text-sm font-medium ${tone}`} data-save-status={status.kind}>
        <span aria-hidden className="mr-1">
          {status.kind === "saving" ? "⟳" : status.kind === "failed" || status.kind === "rejected" || status.kind === "conflict" || status.kind === "stopped" ? "⚠" : dirty ? "●" : "✓"}
        </span>
        {text}
      </p>
      {held.length > 0 ? <p className="text-xs text-red-700">（{held.join("；")}）</p> : null}
      <button
        type="button"
        onClick={onSaveNow}
        disabled={disabled}
        className="rounded border border-brand-600 bg-white px-3 py-1.5 text-sm text-brand-700 hover:bg-brand-50 disabled:opacity-50"
      >
        保存草稿
      </button>
    </div>
  );
}
