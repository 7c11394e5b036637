/**
 * Import parser throughput: parses the three sample reports (text path) and the HTML fixture repeatedly and prints
 * reports per second, single-threaded (one Node process uses one core; run two processes to use two).
 * Two figures: per second of wall-clock time, and per second of this process's CPU time (user + system), which
 * stays meaningful when other processes share the machine.
 *
 *   npx tsx bench/import-parse.ts [seconds per input, default 3]
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseReport } from "../lib/import";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const seconds = Number(process.argv[2] ?? 3);

const inputs: { name: string; kind: string; buffer: Buffer }[] = [
  ...["district-2020.txt", "prefecture-2020.txt", "town-2022.txt"].map((f) => ({
    name: f,
    kind: "text",
    buffer: readFileSync(path.join(root, "lib/demo/samples", f)),
  })),
  { name: "bureau-2023.html", kind: "html", buffer: readFileSync(path.join(root, "lib/import/fixtures/bureau-2023.html")) },
];

interface Result {
  n: number;
  perSecond: number;
  perCpuSecond: number;
  cpuMs: number;
}

async function bench(buffers: Buffer[], ms: number): Promise<Result> {
  // warm up (JIT, lazy tables)
  for (let i = 0; i < 20; i++) await parseReport({ buffer: buffers[i % buffers.length]! });
  let n = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    await parseReport({ buffer: buffers[n % buffers.length]! });
    n++;
    if (n % 10 === 0) t = performance.now();
  }
  t = performance.now();
  const cpu = process.cpuUsage(c0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { n, perSecond: (n / (t - t0)) * 1000, perCpuSecond: (n / cpuMs) * 1000, cpuMs: cpuMs / n };
}

async function main() {
  console.log(`Node ${process.version}, ${seconds} s per measurement, single thread\n`);
  for (const input of inputs) {
    const r = await bench([input.buffer], seconds * 1000);
    console.log(
      `${input.name.padEnd(22)} ${input.kind.padEnd(5)} ${(input.buffer.length / 1024).toFixed(1).padStart(6)} KB  ${r.perSecond.toFixed(0).padStart(5)} reports/s (wall)  ${r.perCpuSecond.toFixed(0).padStart(5)} reports/CPU-s  ${r.cpuMs.toFixed(2).padStart(6)} CPU-ms/report`,
    );
  }
  const text = await bench(inputs.filter((i) => i.kind === "text").map((i) => i.buffer), seconds * 1000);
  console.log(
    `\ntext path, the three samples in turn: ${text.perSecond.toFixed(0)} reports/s wall, ${text.perCpuSecond.toFixed(0)} reports per CPU-second (${text.cpuMs.toFixed(2)} CPU-ms/report)`,
  );
}

void main();
