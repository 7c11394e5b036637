// The part of pdfkit's API the PDF export uses, typed here: pdfkit ships no types and @types/pdfkit is not
// installed (lib/import/fixtures/pdfkit.d.ts declares a smaller subset for the import fixtures). Casting to this
// interface keeps the export compiling whether or not fuller typings are added later.
import PDFDocument from "pdfkit";

export interface PdfTextOptions {
  width?: number;
  height?: number;
  align?: "left" | "center" | "right" | "justify";
  lineGap?: number;
  lineBreak?: boolean;
  indent?: number;
  paragraphGap?: number;
  ellipsis?: boolean | string;
}

export interface PdfMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface PdfDoc {
  page: { width: number; height: number; margins: PdfMargins };
  x: number;
  y: number;
  registerFont(name: string, src: string | Buffer, family?: string): this;
  font(name: string): this;
  fontSize(size: number): this;
  fillColor(color: string): this;
  strokeColor(color: string): this;
  lineWidth(w: number): this;
  text(text: string, x?: number, y?: number, options?: PdfTextOptions): this;
  heightOfString(text: string, options?: PdfTextOptions): number;
  widthOfString(text: string): number;
  rect(x: number, y: number, w: number, h: number): this;
  moveTo(x: number, y: number): this;
  lineTo(x: number, y: number): this;
  stroke(): this;
  fill(color?: string): this;
  clip(): this;
  save(): this;
  restore(): this;
  addPage(): this;
  switchToPage(n: number): this;
  bufferedPageRange(): { start: number; count: number };
  end(): void;
  on(event: "data", cb: (chunk: Buffer) => void): this;
  on(event: "end", cb: () => void): this;
  on(event: "error", cb: (err: Error) => void): this;
}

export interface PdfDocOptions {
  size: "A4";
  margins: PdfMargins;
  /** keep pages in memory so that page numbers ("第 n 页 共 m 页") can be written at the end */
  bufferPages: boolean;
  compress: boolean;
  lang: string;
  displayTitle: boolean;
  info: { Title: string; Author: string; Subject: string; Creator: string };
}

export function createPdfDoc(options: PdfDocOptions): PdfDoc {
  const Ctor = PDFDocument as unknown as new (o: PdfDocOptions) => PdfDoc;
  return new Ctor(options);
}

/** Collects the document's bytes; call before doc.end(). */
export function pdfBytes(doc: PdfDoc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on("data", (c) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}
