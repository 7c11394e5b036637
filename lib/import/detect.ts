/**
 * What a buffer holds, from its bytes (never from the file name): PDF (%PDF), a zip (PK\x03\x04 — .docx when it
 * has word/document.xml), an old binary Office file, HTML, or text. Text is decoded as UTF-8 (with or without BOM),
 * UTF-16 (BOM, or a zero-byte pattern), or GB18030/GBK; HTML honours its <meta charset> first.
 */

export type Sniffed =
  | { kind: "pdf" }
  | { kind: "zip" }
  | { kind: "ole" }
  | { kind: "image"; format: string }
  | { kind: "binary" }
  | { kind: "html"; text: string; encoding: string; replaced: number }
  | { kind: "text"; text: string; encoding: string; replaced: number };

const startsWith = (b: Uint8Array, bytes: number[], at = 0) => bytes.every((x, i) => b[at + i] === x);

export function sniff(buf: Uint8Array): Sniffed {
  // %PDF may follow a little junk (some generators prepend a header); the spec allows it within the first 1 KB
  const head = latin1(buf.subarray(0, 1024));
  if (head.includes("%PDF-")) return { kind: "pdf" };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) return { kind: "zip" };
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: "ole" };
  const image = imageFormat(buf);
  if (image) return { kind: "image", format: image };

  const decoded = decodeText(buf);
  if (!decoded) return { kind: "binary" };
  const lead = decoded.text.slice(0, 4096).replace(/^\s+/, "");
  const isHtml =
    /^<(!doctype\s+html|html|\?xml[^>]*>\s*<(!doctype\s+)?html)/i.test(lead) ||
    /<(html|head|body|meta|table|div|p|span|br|h[1-6])(\s[^>]*)?>/i.test(lead) && (lead.match(/<\/?[a-z][^>]*>/gi)?.length ?? 0) >= 3;
  return isHtml ? { kind: "html", ...decoded } : { kind: "text", ...decoded };
}

function imageFormat(b: Uint8Array): string | null {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47])) return "PNG";
  if (startsWith(b, [0xff, 0xd8, 0xff])) return "JPEG";
  if (startsWith(b, [0x47, 0x49, 0x46, 0x38])) return "GIF";
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return "TIFF";
  if (startsWith(b, [0x42, 0x4d]) && b.length > 26 && b[14] !== undefined && b[14] <= 124) return "BMP";
  if (startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b, [0x57, 0x45, 0x42, 0x50], 8)) return "WebP";
  return null;
}

function latin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

/** Decodes text; null when the bytes are not text in any encoding we know (binary garbage). */
export function decodeText(buf: Uint8Array): { text: string; encoding: string; replaced: number } | null {
  if (buf.length === 0) return { text: "", encoding: "utf-8", replaced: 0 };
  let encoding: string | null = null;
  let body = buf;
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) {
    encoding = "utf-8";
    body = buf.subarray(3);
  } else if (startsWith(buf, [0xff, 0xfe])) {
    encoding = "utf-16le";
    body = buf.subarray(2);
  } else if (startsWith(buf, [0xfe, 0xff])) {
    encoding = "utf-16be";
    body = buf.subarray(2);
  } else {
    encoding = utf16Guess(buf) ?? declaredCharset(buf);
  }

  if (!encoding) {
    if (hasNul(buf)) return null;
    try {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(body);
      return finish(text, "utf-8");
    } catch {
      encoding = "gb18030";
    }
  }
  if (encoding !== "utf-16le" && encoding !== "utf-16be" && hasNul(body)) return null;
  let text: string;
  try {
    text = new TextDecoder(encoding).decode(body);
  } catch {
    text = new TextDecoder("gb18030").decode(body);
    encoding = "gb18030";
  }
  return finish(text, encoding);
}

function finish(text: string, encoding: string): { text: string; encoding: string; replaced: number } | null {
  // Binary garbage decodes "successfully" as GB18030 too: judge by control characters and replacement characters.
  let control = 0;
  let replaced = 0;
  const n = Math.min(text.length, 200_000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c < 0xa0) || (c >= 0xe000 && c <= 0xf8ff)) control++;
  }
  if (n > 0 && (control + replaced) / n > 0.02) return null;
  // GB18030 decoding of non-Chinese binary yields mostly rare CJK: require some common characters in CJK-heavy text
  if (encoding === "gb18030" && n > 200 && !/[的是在了和有年政府信息公开报告一二三]/.test(text.slice(0, 20_000))) return null;
  return { text, encoding, replaced };
}

function hasNul(b: Uint8Array): boolean {
  const n = Math.min(b.length, 65536);
  for (let i = 0; i < n; i++) if (b[i] === 0) return true;
  return false;
}

/** UTF-16 without BOM: ASCII characters (newlines at least) put a zero byte in one parity of positions. */
function utf16Guess(b: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(b.length - (b.length % 2), 65536);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  // (a CJK character such as 一 U+4E00 has a zero byte too, in the other parity: rare, so a clear majority decides)
  if (oddZero >= 2 && oddZero >= 3 * evenZero) return "utf-16le";
  if (evenZero >= 2 && evenZero >= 3 * oddZero) return "utf-16be";
  return null;
}

/** <meta charset="gbk"> / charset=gb2312 in the first 2 KB. */
function declaredCharset(b: Uint8Array): string | null {
  const head = latin1(b.subarray(0, 2048)).toLowerCase();
  const m = /charset\s*=\s*["']?\s*([a-z0-9_-]+)/.exec(head);
  if (!m) return null;
  const cs = m[1]!;
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn)$/.test(cs)) return "gb18030";
  if (/^utf-?8$/.test(cs)) return null; // validated as UTF-8 below
  if (/^(big5|big5-hkscs)$/.test(cs)) return "big5";
  return null;
}
