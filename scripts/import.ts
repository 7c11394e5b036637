/**
 * Import existing annual reports: prints what lib/import reads from a file, or from every file of a folder.
 *
 *   npx tsx scripts/import.ts <file or folder> [--json] [--timeout <seconds>]
 *   npm run -s import -- <file or folder> [--json]
 *   npm run -s import -- <file or folder> --into-db --agency <id>   (lib/db is server-only: the npm script runs tsx
 *                                                                 with --conditions=react-server)
 *
 * Output (decisions.md, "Import CLI"): for one file one JSON object; for a folder one JSON object per file, one per
 * line (JSON Lines), files sorted by name (regular files directly in the folder, dot-files skipped). Each object:
 *   { file, year, formatVersion, agencyName, scope, sections: { s1_overall … s6_other }, cells: { "<key>": number|null },
 *     problems: [{ code, message, cells?, printed? }] }
 * With --json nothing but JSON goes to stdout; messages go to stderr. Without --json a readable summary is printed.
 *
 * Exit code: 0 when every file was parsed (even with problems); 1 on a usage error, a path that does not exist, or
 * a file that could not be read at all (empty, too large, not a PDF/.docx/HTML/text, scanned PDF, zip bomb, timeout).
 *
 * Limits: files over LIMITS.maxFileBytes (20 MB) are refused from their size alone, without being read; each file
 * gets LIMITS.timeoutMs (20 s, --timeout to change) before it is abandoned with a TIMEOUT problem.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { allKeys } from "../lib/format";
import { isFatal, LIMITS, parseReport, type ImportResult } from "../lib/import";
import { failed } from "../lib/import/parse";
import { fileTooLarge, parseWithin } from "../lib/import/within";

interface Options {
  target: string;
  json: boolean;
  timeoutMs: number;
  /** --into-db --agency <id>: store each parsed report as a draft of that agency (scripts/import/into-db.ts) */
  intoDbAgency: number | null;
}

/** Something that receives every parsed file after it is printed (e.g. the database writer of --into-db). */
interface ImportSink {
  accept(file: string, result: ImportResult): Promise<void>;
  close?(): Promise<void>;
}

async function createSinks(options: Options): Promise<(ImportSink & { failures?: number })[]> {
  if (options.intoDbAgency === null) return [];
  // Loaded only for --into-db: the database layer is server-only code (it needs --conditions=react-server).
  const { databaseSink } = await import("./import/into-db");
  return [databaseSink(options.intoDbAgency)];
}

const USAGE = `用法: npx tsx scripts/import.ts <文件或文件夹> [--json] [--timeout <秒>] [--into-db --agency <机关编号>]
  --json          只输出 JSON（单个文件一个对象；文件夹每个文件一行，JSON Lines）
  --into-db --agency <机关编号>
                  将读出的报告保存为该机关对应年度的草稿（不会发布，已有该年度报告时不覆盖）
  --timeout <秒>  每个文件的读取时限，默认 ${LIMITS.timeoutMs / 1000} 秒
支持 PDF（有文字层）、Word .docx、HTML、文本（UTF-8/GBK/UTF-16）；文件不能超过 ${LIMITS.maxFileBytes / 1024 / 1024} MB。`;

class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  let target: string | null = null;
  let json = false;
  let timeoutMs: number = LIMITS.timeoutMs;
  let intoDb = false;
  let agency: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--json") json = true;
    else if (a === "--into-db") intoDb = true;
    else if (a === "--agency") {
      const v = argv[++i] ?? "";
      if (!/^[1-9]\d{0,9}$/.test(v)) throw new UsageError("--agency 需要一个机关编号（正整数）");
      agency = Number(v);
    }
    else if (a === "--timeout") {
      const s = Number(argv[++i]);
      if (!Number.isFinite(s) || s <= 0) throw new UsageError("--timeout 需要一个正数（秒）");
      timeoutMs = s * 1000;
    } else if (a === "-h" || a === "--help") throw new UsageError("");
    else if (a.startsWith("-")) throw new UsageError(`未知选项 ${a}`);
    else if (target === null) target = a;
    else throw new UsageError(`只能指定一个文件或文件夹（多出了 ${a}）`);
  }
  if (target === null) throw new UsageError("缺少文件或文件夹");
  if (intoDb !== (agency !== null)) throw new UsageError("--into-db 与 --agency <机关编号> 须同时使用");
  return { target, json, timeoutMs, intoDbAgency: agency };
}

/** The JSON object of one file, keys in the order decisions.md gives. */
function toJson(file: string, r: ImportResult): Record<string, unknown> {
  return {
    file,
    year: r.year,
    formatVersion: r.formatVersion,
    agencyName: r.agencyName,
    scope: r.scope,
    sections: r.sections,
    cells: r.cells,
    problems: r.problems,
  };
}

async function importFile(file: string, timeoutMs: number): Promise<ImportResult> {
  let size: number;
  try {
    const st = await stat(file);
    if (!st.isFile()) return failed("UNSUPPORTED_FORMAT", "不是普通文件");
    size = st.size;
  } catch (e) {
    return failed("EMPTY_FILE", `无法打开文件：${(e as Error).message}`);
  }
  if (size > LIMITS.maxFileBytes) {
    return fileTooLarge(size);
  }
  return parseWithin(async (signal) => parseReport({ buffer: await readFile(file), filename: path.basename(file) }, { signal }), timeoutMs);
}

const SCOPE_LABEL = { OWN: "本机关报告", SUMMARY: "汇总报告" } as const;

function summary(file: string, r: ImportResult): string {
  const lines = [file];
  const known = (v: string | number | null, none = "（未读出）") => (v === null ? none : String(v));
  lines.push(
    `  年度 ${known(r.year)} · 格式 ${r.formatVersion ? `${r.formatVersion} 版` : "（未判定）"} · 机关 ${known(r.agencyName)} · 类型 ${r.scope ? SCOPE_LABEL[r.scope] : "（未判定）"}`,
  );
  if (r.formatVersion) {
    const keys = Object.keys(r.cells);
    const filled = keys.filter((k) => r.cells[k] !== null).length;
    lines.push(`  单元格 ${keys.length} 个（其中 ${allKeys(r.formatVersion).length} 个为该版格式的全部单元格）：有数值 ${filled}，空白 ${keys.length - filled}`);
  }
  const chars = Object.values(r.sections).reduce((s, t) => s + t.length, 0);
  lines.push(`  正文六部分共 ${chars} 字`);
  lines.push(r.problems.length === 0 ? "  没有问题" : `  问题 ${r.problems.length} 个：`);
  for (const p of r.problems) lines.push(`  - [${p.code}] ${p.message}${p.cells && p.cells.length > 0 ? `（${p.cells.length} 个单元格）` : ""}`);
  return lines.join("\n");
}

async function main(): Promise<number> {
  // stdout carries only our output: anything a library logs goes to stderr
  const out = (s: string) => process.stdout.write(s);
  // a closed pipe (`… | head`) ends the run quietly
  process.stdout.on("error", (e: NodeJS.ErrnoException) => process.exit(e.code === "EPIPE" ? 0 : 1));
  console.log = console.error;
  console.info = console.error;
  console.warn = console.error;

  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) console.error(`错误：${e.message}`);
      console.error(USAGE);
      return 1;
    }
    throw e;
  }

  let files: string[];
  let folder = false;
  try {
    const st = await stat(options.target);
    if (st.isDirectory()) {
      folder = true;
      const entries = await readdir(options.target, { withFileTypes: true });
      files = entries
        .filter((e) => e.isFile() && !e.name.startsWith("."))
        .map((e) => e.name)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .map((n) => path.join(options.target, n));
      if (files.length === 0) console.error(`文件夹 ${options.target} 中没有文件`);
    } else {
      files = [options.target];
    }
  } catch (e) {
    console.error(`错误：无法打开 ${options.target}：${(e as Error).message}`);
    return 1;
  }

  let sinks: Awaited<ReturnType<typeof createSinks>>;
  try {
    sinks = await createSinks(options);
  } catch (e) {
    if (!/Client Component|server-only/i.test(String((e as Error)?.message))) throw e;
    console.error("错误：--into-db 需要以 npm run -s import -- … 运行（或 npx tsx --conditions=react-server scripts/import.ts …）");
    return 1;
  }
  let code = 0;
  for (const file of files) {
    if (!options.json && folder) console.error(`读取 ${file} …`);
    const result = await importFile(file, options.timeoutMs);
    if (isFatal(result)) code = 1;
    if (options.json) out(`${JSON.stringify(toJson(file, result), null, folder ? undefined : 2)}\n`);
    else out(`${summary(file, result)}\n\n`);
    for (const s of sinks) await s.accept(file, result);
  }
  for (const s of sinks) await s.close?.();
  if (sinks.some((s) => (s.failures ?? 0) > 0)) code = 1;
  return code;
}

main()
  .then((code) => {
    // a PDF read abandoned on timeout may keep the event loop busy: exit once stdout is flushed
    process.stdout.write("", () => process.exit(code));
  })
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
