/**
 * .docx → HTML through mammoth (convertToHtml keeps table cells with their rowspan/colspan), after the zip checks
 * of zip.ts. Images are dropped (a report's seal or photos are of no use and can be large).
 */
import { checkZip } from "./zip";

export type DocxHtml = { ok: true; html: string } | { ok: false; reason: string; code: "ZIP_REFUSED" | "DOCX_UNREADABLE" | "UNSUPPORTED_FORMAT" };

type Mammoth = typeof import("mammoth");
let mammothPromise: Promise<Mammoth> | null = null;

async function loadMammoth(): Promise<Mammoth> {
  mammothPromise ??= import("mammoth").then((m) => ((m as unknown as { default?: Mammoth }).default ?? m) as Mammoth);
  return mammothPromise;
}

export async function docxToHtml(buf: Buffer): Promise<DocxHtml> {
  const check = checkZip(buf);
  if (!check.ok) return { ok: false, code: "ZIP_REFUSED", reason: check.reason };
  const names = new Set(check.entries.map((e) => e.name));
  if (!names.has("word/document.xml")) {
    const what = names.has("xl/workbook.xml")
      ? "Excel 表格（.xlsx）"
      : names.has("ppt/presentation.xml")
        ? "PowerPoint 演示文稿（.pptx）"
        : names.has("content.xml")
          ? "OpenDocument 文件（.odt 等）"
          : "压缩包";
      return { ok: false, code: "UNSUPPORTED_FORMAT", reason: `文件是${what}，不是 Word 文档（.docx），无法读取` };
  }
  const mammoth = await loadMammoth();
  try {
    const result = await mammoth.convertToHtml(
      { buffer: buf },
      { convertImage: mammoth.images.imgElement(async () => ({ src: "" })), ignoreEmptyParagraphs: true },
    );
    return { ok: true, html: result.value };
  } catch (e) {
    return { ok: false, code: "DOCX_UNREADABLE", reason: `Word 文档已损坏或格式无效（${String((e as Error)?.message ?? e).slice(0, 120)}）` };
  }
}
