// Helpers for tests of the downloads (vitest and Playwright alike: no test-runner imports here). Reading PDFs back
// needs Debian's poppler-utils (pdftotext, pdftoppm).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const hasPoppler = ["pdftotext", "pdftoppm"].every((bin) => {
  try {
    execFileSync(bin, ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
});

function withTempFile<T>(bytes: Uint8Array, ext: string, fn: (file: string, dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-export-"));
  const file = path.join(dir, `f.${ext}`);
  fs.writeFileSync(file, bytes);
  try {
    return fn(file, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** pdftotext of the given pages (1-based, inclusive), or of the whole document. */
export function pdfText(pdf: Uint8Array, pages?: { first: number; last: number }): string {
  return withTempFile(pdf, "pdf", (file) =>
    execFileSync("pdftotext", [...(pages ? ["-f", String(pages.first), "-l", String(pages.last)] : []), "-enc", "UTF-8", file, "-"], { encoding: "utf8" }),
  );
}

/** A page rendered by pdftoppm as greyscale pixels (0 black … 255 white). */
export function renderGray(pdf: Uint8Array, page: number, dpi = 50): { width: number; height: number; pixels: Uint8Array } {
  return withTempFile(pdf, "pdf", (file, dir) => {
    execFileSync("pdftoppm", ["-gray", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", file, path.join(dir, "p")]);
    const pgm = fs.readFileSync(path.join(dir, "p.pgm"));
    // binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel
    const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString("latin1"));
    if (!m) throw new Error("not a binary PGM");
    return { width: Number(m[1]), height: Number(m[2]), pixels: pgm.subarray(m[0].length) };
  });
}

/** Fraction of a rendered page's pixels that are dark (grey < 128). */
export function darkPixelShare(pdf: Uint8Array, page: number): number {
  const { pixels } = renderGray(pdf, page);
  let dark = 0;
  for (const b of pixels) if (b < 128) dark++;
  return dark / pixels.length;
}

/** How many pixel rows of a page hold a horizontal line across at least `share` of the page width (table rules). */
export function horizontalRules(pdf: Uint8Array, page: number, share = 0.6): number {
  const { width, height, pixels } = renderGray(pdf, page, 100);
  let rules = 0;
  for (let y = 0; y < height; y++) {
    let run = 0;
    let best = 0;
    for (let x = 0; x < width; x++) {
      run = pixels[y * width + x]! < 200 ? run + 1 : 0;
      best = Math.max(best, run);
    }
    if (best >= width * share) rules++;
  }
  return rules;
}

/** Parses CSV as RFC 4180 writes it (quoted fields with "" escapes, CRLF rows); keeps a leading BOM in the first field. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
