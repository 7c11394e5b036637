/** scripts/import.ts as a user runs it: output shape (decisions.md "Import CLI"), JSON Lines, exit codes, limits. */
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, openSync, closeSync, ftruncateSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allKeys } from "../format";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLES = path.join(ROOT, "lib/demo/samples");

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "scripts/import.ts"), ...args],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "nianbao-import-"));
  copyFileSync(path.join(SAMPLES, "town-2022.txt"), path.join(dir, "b-town.txt"));
  copyFileSync(path.join(SAMPLES, "prefecture-2020.txt"), path.join(dir, "a-prefecture.txt"));
  writeFileSync(path.join(dir, "c-empty.txt"), "");
  writeFileSync(path.join(dir, ".hidden"), "skipped");
  // 50 MB without writing 50 MB: a sparse file; the CLI must refuse it from its size alone
  const fd = openSync(path.join(dir, "d-huge.pdf"), "w");
  ftruncateSync(fd, 50 * 1024 * 1024);
  closeSync(fd);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A one-page PDF with a text layer in a standard font (no CJK font needed). */
async function asciiPdf(text: string): Promise<Buffer> {
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({ size: "A4" });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.text(text);
  doc.end();
  return done;
}

describe("scripts/import.ts", () => {
  it("one file --json: one JSON object with exactly the documented keys; exit 0", async () => {
    const r = await run([path.join(SAMPLES, "town-2022.txt"), "--json"]);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(o)).toEqual(["file", "year", "formatVersion", "agencyName", "scope", "sections", "cells", "problems"]);
    expect(o.year).toBe(2022);
    expect(o.formatVersion).toBe("2021");
    expect(Object.keys(o.sections as object)).toEqual(["s1_overall", "s2_active", "s3_requests", "s4_reviewLitigation", "s5_problems", "s6_other"]);
    expect(Object.keys(o.cells as object)).toEqual([...allKeys("2021")]);
    expect((o.cells as Record<string, unknown>)["requests.carriedOver.natural"]).toBeNull();
  }, 60_000);

  it("a folder --json: JSON Lines sorted by name, dot-files skipped; unreadable files listed and exit 1", async () => {
    const r = await run([dir, "--json"]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    const objs = lines.map((l) => JSON.parse(l) as { file: string; problems: { code: string; message: string }[]; cells: object; formatVersion: string | null });
    expect(objs.map((o) => path.basename(o.file))).toEqual(["a-prefecture.txt", "b-town.txt", "c-empty.txt", "d-huge.pdf"]);
    expect(objs[0]!.formatVersion).toBe("2019");
    expect(objs[2]!.problems.map((p) => p.code)).toEqual(["EMPTY_FILE"]);
    expect(objs[3]!.problems.map((p) => p.code)).toEqual(["FILE_TOO_LARGE"]);
    expect(objs[3]!.problems[0]!.message).toMatch(/50\.0 MB/);
    expect(objs[3]!.cells).toEqual({});
  }, 60_000);

  it("without --json: a readable summary", async () => {
    const r = await run([path.join(SAMPLES, "district-2020.txt")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/年度 2020 · 格式 2019 版 · 机关 （未读出） · 类型 汇总报告/);
    expect(r.stdout).toMatch(/单元格 198 个/);
    expect(r.stdout).toMatch(/问题 \d+ 个/);
  }, 60_000);

  it("per-file timeout", async () => {
    // A PDF: its reader is what the timer abandons (loading pdf.js alone takes far longer than 1 ms). A text file
    // is read and analysed synchronously, bounded by size limits instead, and may well finish within 1 ms.
    const pdfDir = mkdtempSync(path.join(tmpdir(), "nianbao-import-pdf-"));
    try {
      const file = path.join(pdfDir, "report.pdf");
      writeFileSync(file, await asciiPdf("2021 annual report on government information disclosure"));
      const r = await run([file, "--json", "--timeout", "0.001"]);
      expect(r.code).toBe(1);
      expect((JSON.parse(r.stdout) as { problems: { code: string }[] }).problems.map((p) => p.code)).toEqual(["TIMEOUT"]);
      // the same file with the default limit is read (and found not to be a report), so the timeout was the limit's doing
      const untimed = await run([file, "--json"]);
      expect((JSON.parse(untimed.stdout) as { problems: { code: string }[] }).problems.map((p) => p.code)).not.toContain("TIMEOUT");
    } finally {
      rmSync(pdfDir, { recursive: true, force: true });
    }
  }, 60_000);

  it("usage errors exit 1 with the usage on stderr and nothing on stdout", async () => {
    for (const args of [[], ["--bogus", "x"], [path.join(dir, "missing.txt")], ["a", "b"]]) {
      const r = await run(args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/错误/);
    }
  }, 120_000);
});
