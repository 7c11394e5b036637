"use client";
// 导入已有报告 for a clerk: upload a file or paste the text, the server reads it (storing nothing), then the
// preview (ImportPreview) lets the clerk check and correct it before the draft is created.
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { LIMITS } from "@/lib/import/limits";
import type { CreateImportState, ParsedUpload } from "@/lib/import/preview";
import { ImportFindings } from "./ImportFindings";
import { ImportPreview, type ExistingReport } from "./ImportPreview";
import { FILE_INPUT, parseFile, parsePastedText, type Answer } from "./upload-client";

const ACCEPT = ".txt,.html,.htm,.docx,.pdf,text/plain,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export function ClerkImport({
  agencyName,
  existing,
  maxYear,
  action,
}: {
  agencyName: string;
  existing: readonly ExistingReport[];
  maxYear: number;
  action: (prev: CreateImportState | null, formData: FormData) => Promise<CreateImportState | null>;
}) {
  const [parsed, setParsed] = useState<ParsedUpload | null>(null);
  const [refused, setRefused] = useState<ParsedUpload | null>(null);
  const [busy, setBusy] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [textError, setTextError] = useState<string | null>(null);
  const [text, setText] = useState("");
  const id = useId();

  const read = async (request: () => Promise<Answer<ParsedUpload>>, setError: (m: string | null) => void) => {
    setBusy(true);
    try {
      const answer = await request();
      if (!answer.ok) setError(answer.error);
      else if (answer.data.blocker) setRefused(answer.data);
      else setParsed(answer.data);
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setRefused(null);
    setFileError(null);
    const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement).files?.[0];
    if (!file) {
      setFileError("请选择要导入的报告文件。");
      return;
    }
    await read(() => parseFile(file), setFileError);
  };

  const onText = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setRefused(null);
    setTextError(null);
    if (text.trim() === "") {
      setTextError("请粘贴报告全文。");
      return;
    }
    if (text.length > LIMITS.maxTextChars) {
      setTextError(`粘贴的文字有 ${text.length.toLocaleString("zh-CN")} 个字符，超过上限 ${LIMITS.maxTextChars.toLocaleString("zh-CN")}。`);
      return;
    }
    await read(() => parsePastedText(text), setTextError);
  };

  if (parsed) {
    return <ImportPreview parsed={parsed} agencyName={agencyName} existing={existing} maxYear={maxYear} action={action} onRestart={() => setParsed(null)} />;
  }

  const fileIds = { input: `${id}-file`, hint: `${id}-file-hint`, error: `${id}-file-error` };
  const textIds = { input: `${id}-text`, hint: `${id}-text-hint`, error: `${id}-text-error` };
  return (
    <div className="space-y-6">
      {refused ? (
        <div role="alert" className="rounded border border-red-300 bg-red-50 px-4 py-3 text-red-900">
          <p className="font-medium">
            未能导入“{refused.file}”：{refused.blocker}。没有保存任何内容。
          </p>
          <ImportFindings result={refused.result} />
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <form onSubmit={onFile} noValidate className="space-y-3 rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <h2 className="font-semibold text-brand-800">上传报告文件</h2>
          <Field ids={fileIds} label="报告文件" error={fileError} hint={`支持 PDF（须有文字层，扫描件无法读取）、Word（.docx）、网页（.html/.htm）和文本（.txt，UTF-8、GBK 等编码均可）；不超过 ${LIMITS.maxFileBytes / 1024 / 1024} MB。`}>
            <input
              id={fileIds.input}
              name="file"
              type="file"
              accept={ACCEPT}
              onChange={() => setFileError(null)}
              aria-invalid={!!fileError || undefined}
              aria-describedby={`${fileIds.hint} ${fileIds.error}`}
              className={FILE_INPUT}
            />
          </Field>
          <button type="submit" disabled={busy} className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800 disabled:bg-slate-400">
            读取文件
          </button>
        </form>
        <form onSubmit={onText} noValidate className="space-y-3 rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <h2 className="font-semibold text-brand-800">或粘贴报告全文</h2>
          <Field ids={textIds} label="报告全文" error={textError} hint="从网页或 Word 中复制整份报告（含标题和表格）粘贴到这里。">
            <textarea
              id={textIds.input}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setTextError(null);
              }}
              aria-invalid={!!textError || undefined}
              aria-describedby={`${textIds.hint} ${textIds.error}`}
              className="mt-1 block h-40 w-full rounded border border-slate-300 px-3 py-2 text-sm"
            />
          </Field>
          <button type="submit" disabled={busy} className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800 disabled:bg-slate-400">
            读取粘贴的文字
          </button>
        </form>
      </div>
      <p role="status" className="text-sm text-slate-700">
        {busy ? "正在读取，请稍候…（较大的 PDF 可能需要十几秒）" : ""}
      </p>
      <p className="text-sm text-slate-600">读取后先显示预览，您可以核对、修改，确认后才创建草稿；在此之前不会保存任何内容。</p>
    </div>
  );
}

/** A labelled input with its hint and its error under it (both read by screen readers through aria-describedby). */
function Field({ ids, label, hint, error, children }: { ids: { input: string; hint: string; error: string }; label: string; hint: string; error: string | null; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={ids.input} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      <p id={ids.hint} className="mt-1 text-xs text-slate-600">
        {hint}
      </p>
      <p id={ids.error} className="mt-1 text-sm text-red-700">
        {error}
      </p>
    </div>
  );
}
