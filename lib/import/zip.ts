/**
 * Zip checks done before mammoth unzips a .docx, so that a zip bomb posing as a .docx is refused cheaply:
 *  1. the central directory's declared sizes: entry count, total uncompressed size, compression ratio;
 *  2. every entry is then inflated with a hard output cap (its declared size), so an entry that lies about its
 *     size is caught too, without ever holding more than the declared total in memory.
 * Encrypted entries, ZIP64 archives and unknown compression methods are refused (Word never writes them for a
 * report-sized document).
 */
import { inflateRawSync } from "node:zlib";
import { LIMITS } from "./limits";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

export type ZipCheck = { ok: true; entries: ZipEntry[] } | { ok: false; reason: string };

const MB = 1024 * 1024;

export function listZip(buf: Buffer): { entries: ZipEntry[] } | { error: string } {
  // End of central directory: last 22..(22+65535) bytes
  const min = Math.max(0, buf.length - 22 - 65535);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { error: "找不到 zip 目录（文件可能不完整或已损坏）" };
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return { error: "ZIP64 格式的压缩包不予读取" };
  if (count > LIMITS.maxZipEntries) return { error: `压缩包内有 ${count} 个文件，超过上限 ${LIMITS.maxZipEntries}` };
  if (cdOffset + cdSize > buf.length) return { error: "zip 目录位置超出文件范围（文件已损坏）" };
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return { error: "zip 目录已损坏" };
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) {
      return { error: "ZIP64 格式的压缩包不予读取" };
    }
    const name = buf.toString("utf8", p + 46, Math.min(buf.length, p + 46 + nameLen));
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { entries };
}

/** Refuses archives whose declared or actual uncompressed content is too large or too compressed. */
export function checkZip(buf: Buffer): ZipCheck {
  const listed = listZip(buf);
  if ("error" in listed) return { ok: false, reason: listed.error };
  const { entries } = listed;
  let total = 0;
  let compressed = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    compressed += e.compressedSize;
    if (e.flags & 0x1) return { ok: false, reason: `压缩包内的“${e.name}”已加密` };
    if (e.method !== 0 && e.method !== 8) return { ok: false, reason: `压缩包内的“${e.name}”使用了不支持的压缩方式（${e.method}）` };
    if (e.uncompressedSize > 1 * MB && e.uncompressedSize / Math.max(1, e.compressedSize) > LIMITS.maxZipRatio) {
      return { ok: false, reason: `压缩包内的“${e.name}”压缩比超过 ${LIMITS.maxZipRatio}:1（疑似“压缩炸弹”）` };
    }
  }
  if (total > LIMITS.maxZipUncompressedBytes) {
    return { ok: false, reason: `解压后共 ${(total / MB).toFixed(1)} MB，超过上限 ${LIMITS.maxZipUncompressedBytes / MB} MB（疑似“压缩炸弹”）` };
  }
  if (total > 1 * MB && total / Math.max(1, compressed) > LIMITS.maxZipRatio) {
    return { ok: false, reason: `压缩比超过 ${LIMITS.maxZipRatio}:1（疑似“压缩炸弹”）` };
  }
  // The central directory may lie: inflate each entry with a cap at its declared size.
  for (const e of entries) {
    const lh = e.localOffset;
    if (lh + 30 > buf.length || buf.readUInt32LE(lh) !== 0x04034b50) return { ok: false, reason: `压缩包内的“${e.name}”位置无效（文件已损坏）` };
    const start = lh + 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
    const end = start + e.compressedSize;
    if (end > buf.length) return { ok: false, reason: `压缩包内的“${e.name}”超出文件范围（文件不完整）` };
    if (e.method === 0) {
      if (e.compressedSize !== e.uncompressedSize) return { ok: false, reason: `压缩包内的“${e.name}”大小不一致（文件已损坏）` };
      continue;
    }
    try {
      const out = inflateRawSync(buf.subarray(start, end), { maxOutputLength: Math.max(1, e.uncompressedSize) });
      if (out.length !== e.uncompressedSize) return { ok: false, reason: `压缩包内的“${e.name}”解压后大小与目录不符（文件已损坏或被篡改）` };
    } catch (err) {
      const tooBig = err instanceof RangeError || /maxOutputLength|buffer/i.test(String(err));
      return {
        ok: false,
        reason: tooBig
          ? `压缩包内的“${e.name}”解压后超过目录声明的大小（疑似“压缩炸弹”）`
          : `压缩包内的“${e.name}”无法解压（文件已损坏）`,
      };
    }
  }
  return { ok: true, entries };
}
