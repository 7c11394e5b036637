/**
 * PDF → text through pdfjs-dist's text layer (no rendering, no OCR).
 *
 * Text items are grouped into lines by their baseline, and a line into cells where the horizontal gap between two
 * items is wide (a table column), giving tab-separated lines that the text path reads like any other export.
 * Inside a table a blank cell prints nothing, so its position would be lost: for runs of table lines the value
 * columns are located (from the column headers the format knows — 自然人, 结果维持, … — and from the numbers
 * themselves) and every numeric line is written with an empty cell where a column has no value.
 *
 * pdfjs-dist is pinned to ^5 (v6 needs Node 22) and pointed at its own cmaps/ and standard_fonts/, without which
 * Chinese text in PDFs with CID fonts comes out garbled.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { fillTableColumns, type PCell, type PLine } from "./columns";
import { LIMITS } from "./limits";
import { classifyCell } from "./stream";

export type PdfText =
  | { ok: true; text: string; pages: number; pagesRead: number; pagesWithoutText: number[] }
  | { ok: false; reason: string; noText?: boolean };

interface Item {
  x: number;
  y: number;
  w: number;
  fs: number;
  str: string;
}

type PdfjsModule = typeof import("pdfjs-dist");

let pdfjsPromise: Promise<PdfjsModule> | null = null;

function loadPdfjs(): Promise<PdfjsModule> {
  // The legacy build is the one meant for Node.
  pdfjsPromise ??= import("pdfjs-dist/legacy/build/pdf.mjs") as Promise<PdfjsModule>;
  return pdfjsPromise;
}

function pdfjsDir(): string {
  try {
    const require = createRequire(import.meta.url);
    return path.dirname(require.resolve("pdfjs-dist/package.json"));
  } catch {
    return path.join(process.cwd(), "node_modules", "pdfjs-dist");
  }
}

export async function pdfToText(buf: Uint8Array, signal?: AbortSignal): Promise<PdfText> {
  const pdfjs = await loadPdfjs();
  const dir = pdfjsDir();
  // pdfjs takes ownership of (and may detach) the array it is given
  const data = new Uint8Array(buf.byteLength);
  data.set(buf);
  const task = pdfjs.getDocument({
    data,
    cMapUrl: `${dir}${path.sep}cmaps${path.sep}`,
    cMapPacked: true,
    standardFontDataUrl: `${dir}${path.sep}standard_fonts${path.sep}`,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
    stopAtErrors: false,
  });
  const onAbort = () => void task.destroy();
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (e) {
      const name = (e as { name?: string })?.name ?? "";
      if (name === "PasswordException") return { ok: false, reason: "PDF 有密码保护，无法读取" };
      if (signal?.aborted) return { ok: false, reason: "读取 PDF 超时" };
      return { ok: false, reason: `PDF 文件已损坏或格式无效（${String((e as Error)?.message ?? e).slice(0, 120)}）` };
    }
    const pages = doc.numPages;
    const pagesRead = Math.min(pages, LIMITS.maxPdfPages);
    const out: string[] = [];
    const pagesWithoutText: number[] = [];
    for (let p = 1; p <= pagesRead; p++) {
      if (signal?.aborted) return { ok: false, reason: "读取 PDF 超时" };
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!("str" in it) || it.str.trim() === "") continue;
        const t = it.transform as number[];
        const fs = Math.hypot(t[2] ?? 0, t[3] ?? 0) || it.height || 10;
        items.push({ x: t[4] ?? 0, y: t[5] ?? 0, w: it.width, fs, str: it.str });
      }
      page.cleanup();
      if (items.length === 0) {
        pagesWithoutText.push(p);
        continue;
      }
      out.push(...pageLines(items));
      out.push("");
    }
    const text = out.join("\n");
    if (text.replace(/\s+/g, "").length < 10) {
      return { ok: false, noText: true, reason: "PDF 没有文字层（可能是扫描件），无法读取" };
    }
    return { ok: true, text, pages, pagesRead, pagesWithoutText };
  } finally {
    signal?.removeEventListener("abort", onAbort);
    await task.destroy().catch(() => undefined);
  }
}

/** Lines of one page: items grouped by baseline, cells split at wide gaps, table columns filled in. */
export function pageLines(items: Item[]): string[] {
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PLine[] = [];
  let cur: { y: number; fs: number; items: Item[] } | null = null;
  const raw: { y: number; fs: number; items: Item[] }[] = [];
  for (const it of items) {
    if (cur && Math.abs(it.y - cur.y) <= 0.45 * Math.min(cur.fs, it.fs)) cur.items.push(it);
    else {
      cur = { y: it.y, fs: it.fs, items: [it] };
      raw.push(cur);
    }
  }
  for (const r of raw) {
    r.items.sort((a, b) => a.x - b.x);
    const cells: PCell[] = [];
    let c: PCell | null = null;
    let prev: Item | null = null;
    for (const it of r.items) {
      const gap = prev ? it.x - (prev.x + prev.w) : 0;
      if (!c || gap > Math.max(0.9 * r.fs, 4)) {
        c = { x0: it.x, x1: it.x + it.w, text: it.str };
        cells.push(c);
      } else {
        c.text += gap > 0.2 * r.fs && /[A-Za-z0-9]$/.test(c.text) && /^[A-Za-z0-9]/.test(it.str) ? ` ${it.str}` : it.str;
        c.x1 = Math.max(c.x1, it.x + it.w);
      }
      prev = it;
    }
    for (const cell of cells) cell.text = cell.text.replace(/\s+/g, " ").trim();
    lines.push({ fs: r.fs, cells: cells.filter((x) => x.text !== "") });
  }
  fillTableColumns(lines);
  return lines.map((l) => {
    const numeric = l.cells.some((c) => classifyCell(c.text) === "num");
    const len = l.cells.reduce((s, c) => s + c.text.length, 0);
    // a long line of prose with wide spacing is one paragraph line, not cells
    if (!numeric && len > 40 && l.cells.length <= 3) return l.cells.map((c) => c.text).join(" ");
    return l.cells.map((c) => c.text).join("\t");
  });
}

/** For tests and tools: the file URL of pdfjs's directory. */
export function pdfjsDirUrl(): string {
  return pathToFileURL(pdfjsDir()).href;
}
