// The Chinese font the PDF export embeds (as a subset): Noto Sans CJK SC from Debian's fonts-noto-cjk, which the
// server must have installed (README). A .ttc collection needs the face name, or pdfkit cannot subset it.
import fs from "node:fs";
import type { PdfDoc } from "./pdfkit-doc";

const FONT_DIR = process.env.CJK_FONT_DIR || "/usr/share/fonts/opentype/noto";
const FACES = {
  cjk: { file: "NotoSansCJK-Regular.ttc", face: "NotoSansCJKsc-Regular" },
  "cjk-bold": { file: "NotoSansCJK-Bold.ttc", face: "NotoSansCJKsc-Bold" },
} as const;

// The collections are ~20 MB each: read once per process, not once per download.
const cache = new Map<string, Buffer>();

function fontBytes(file: string): Buffer {
  let b = cache.get(file);
  if (!b) {
    const path = `${FONT_DIR}/${file}`;
    try {
      b = fs.readFileSync(path);
    } catch {
      throw new Error(`PDF export needs the font ${path} (Debian package fonts-noto-cjk)`);
    }
    cache.set(file, b);
  }
  return b;
}

/** Registers "cjk" and "cjk-bold" on the document. */
export function registerCjkFonts(doc: PdfDoc): void {
  for (const [name, f] of Object.entries(FACES)) doc.registerFont(name, fontBytes(f.file), f.face);
}
