"use client";
// The narrative of one section: plain text, paragraphs are lines. Word's line/page breaks are turned into line
// breaks as the clerk types or pastes (the server refuses control characters).
import { memo, useId } from "react";
import { SECTION_MAX_LENGTH, type SectionKey } from "@/lib/format";
import { normalizeNarrative } from "@/lib/filing-client";

export const SectionEditor = memo(function SectionEditor({
  sectionKey,
  label,
  value,
  optional,
  serverErrors,
  notes,
  onChange,
}: {
  sectionKey: SectionKey;
  label: string;
  value: string;
  /** sections that hold tables: a narrative is optional there */
  optional: boolean;
  serverErrors: readonly string[] | undefined;
  /** things to check in this section (the importer's findings), shown above the text */
  notes?: readonly string[];
  onChange: (key: SectionKey, text: string) => void;
}) {
  const id = useId();
  const over = value.length - SECTION_MAX_LENGTH;
  const counterId = `${id}-count`;
  const errorId = `${id}-error`;
  const notesId = `${id}-notes`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
        {optional ? <span className="ml-1 font-normal text-slate-500">（可选，显示在表格之前）</span> : null}
      </label>
      {notes?.length ? (
        <ul id={notesId} className="mt-1 space-y-1 rounded border border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-amber-900">
          {notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      ) : null}
      <textarea
        id={id}
        value={value}
        onChange={(e) => onChange(sectionKey, normalizeNarrative(e.target.value))}
        aria-invalid={over > 0 || (serverErrors?.length ?? 0) > 0 || undefined}
        aria-describedby={[counterId, serverErrors?.length || over > 0 ? errorId : "", notes?.length ? notesId : ""].filter(Boolean).join(" ")}
        className={`mt-1 block w-full rounded border px-3 py-2 leading-7 [field-sizing:content] ${optional ? "min-h-20" : "min-h-40"} max-h-[70vh] resize-y ${
          over > 0 ? "border-red-600" : "border-slate-300"
        }`}
        placeholder={optional ? "" : "每段一行，段落之间换行即可"}
      />
      <div className="mt-1 flex flex-wrap justify-between gap-2 text-xs">
        <span id={errorId} className="text-red-700">
          {over > 0 ? `超出字数上限 ${over.toLocaleString("zh-CN")} 字，该部分暂不能保存，请删减。` : null}
          {serverErrors?.join("；")}
        </span>
        <span id={counterId} className={over > 0 ? "text-red-700" : "text-slate-500"}>
          {value.length.toLocaleString("zh-CN")} / {SECTION_MAX_LENGTH.toLocaleString("zh-CN")} 字
        </span>
      </div>
    </div>
  );
});
