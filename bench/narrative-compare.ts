/**
 * The repeated-text comparison of the review screen (lib/review/narrative's compareNarrative) on sections of
 * growing length: real report text repeated to the length, random ideographs, and identical texts. Prints the best
 * and median of `runs` calls per case and size, after warm-up, and the time per 1,000 characters, which stays flat
 * when the comparison is linear in the text length.
 *
 *   npm run bench:narrative [-- runs, default 20]
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compareNarrative } from "../lib/review/narrative";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const runs = Number(process.argv[2] ?? 20);
const samples = ["district-2020.txt", "prefecture-2020.txt", "town-2022.txt"].map((f) =>
  readFileSync(path.join(root, "lib/demo/samples", f), "utf8"),
);

let seed = 7;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) / 2 ** 24;
const fill = (s: string, n: number) => s.repeat(Math.ceil(n / s.length)).slice(0, n);
const ideographs = (n: number) => Array.from({ length: n }, () => String.fromCharCode(0x4e00 + Math.floor(rnd() * 3000))).join("");

function time(a: string, b: string): { best: number; median: number } {
  for (let i = 0; i < 3; i++) compareNarrative(a, b);
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    compareNarrative(a, b);
    t.push(performance.now() - s);
  }
  t.sort((x, y) => x - y);
  return { best: t[0]!, median: t[Math.floor(t.length / 2)]! };
}

console.log(`compareNarrative, ${runs} timed calls per row after 3 warm-up calls (Node ${process.version})`);
console.log("case         chars each   best ms   median ms   median µs per 1,000 chars (of both texts)");
for (const n of [5_000, 10_000, 20_000, 40_000]) {
  const cases: [string, string, string][] = [
    ["report text", fill(samples[0]! + samples[1]!, n), fill(samples[1]! + samples[2]! + samples[0]!, n)],
    ["random", ideographs(n), ideographs(n)],
    ["identical", fill(samples[2]!, n), fill(samples[2]!, n)],
  ];
  for (const [name, a, b] of cases) {
    const { best, median } = time(a, b);
    console.log(
      `${name.padEnd(12)} ${n.toLocaleString("en").padStart(10)} ${best.toFixed(2).padStart(9)} ${median.toFixed(2).padStart(11)} ${((median * 1000) / (n / 1000) / 2).toFixed(1).padStart(14)}`,
    );
  }
}
