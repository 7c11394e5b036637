import { describe, expect, it } from "vitest";
import { compareNarrative, segmentsForDisplay, type CharRange } from "./narrative";
import { loadSampleReports, sampleReport } from "./test-fixtures";

const P1 =
  "坚持“公开为常态、不公开为例外”的原则，全面提高、规范我区政府信息公开申请办理的工作质量。严格要求各部门建立健全工作制度，按文书样本规范答复，确保答复内容合法合规、准确严谨。";
const P2 = "今年我区采取面对面培训、一对一指导、远程协助等多种形式对各部门政务公开工作人员进行业务培训。";
const NEW = "本年度新建成政务公开专区三处，配备专职引导人员，为企业和群众提供查询、咨询和申请服务。";

/** Significant characters only, numbers as "#": what the matching compares. */
const squash = (s: string) =>
  s
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toLowerCase()
    .replace(/\d+(?:[.,]\d+)*/g, "#")
    .replace(/[^\p{L}\p{N}#]/gu, "");

const textOf = (s: string, r: CharRange) => s.slice(r.start, r.end);

describe("compareNarrative", () => {
  it("an identical text is one repeated passage, similarity 1", () => {
    const r = compareNarrative(P1, P1);
    expect(r.similarity).toBe(1);
    // from the first to the last letter: the closing "。" is not part of a passage
    expect(r.repeated).toEqual([{ start: 0, end: P1.length - 1 }]);
  });

  it("unrelated texts share nothing", () => {
    const r = compareNarrative(P1, NEW);
    expect(r.similarity).toBe(0);
    expect(r.repeated).toEqual([]);
  });

  it("marks exactly the copied paragraph of a text that adds a new one, and weighs it by its characters", () => {
    const current = `${NEW}\n${P2}`;
    const r = compareNarrative(`${P1}\n${P2}`, current);
    expect(r.repeated).toEqual([{ start: NEW.length + 1, end: current.length - 1 }]);
    // punctuation and whitespace do not count on either side
    const sig = (s: string) => squash(s).length;
    expect(r.similarity).toBeCloseTo(sig(P2) / (sig(NEW) + sig(P2)), 10);
  });

  it("ignores whitespace, punctuation, full-width/half-width and line-break differences", () => {
    const reflowed = P1.replace(/，/g, ",").replace(/。/g, ". ").replace(/“|”/g, '"').replace(/原则/, "原\n则");
    const r = compareNarrative(P1, reflowed);
    expect(r.similarity).toBe(1);
    expect(r.repeated).toHaveLength(1);
    expect(r.repeated[0].start).toBe(0);
    expect(reflowed.slice(r.repeated[0].end)).toBe(". ");
    expect(compareNarrative("ＡＢＣ公开指南第１２版政务公开工作年度报告", "abc公开指南第12版政务公开工作年度报告").similarity).toBe(1);
  });

  it("by default a number matches any number (a copy with the year updated is still a copy)", () => {
    const last = "报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止，全年共发布政府信息1659条。";
    const now = "报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止，全年共发布政府信息2873条。";
    expect(compareNarrative(last, now).repeated).toEqual([{ start: 0, end: now.length - 1 }]);
    expect(compareNarrative(last, now).similarity).toBe(1);
    // with exact numbers only the runs between the changed figures that are long enough remain
    const exact = compareNarrative(last, now, { numbers: "exact" });
    expect(exact.similarity).toBeLessThan(1);
    expect(exact.repeated.map((r) => textOf(now, r))).toEqual(["报告中所列数据的统计期限自202", "年12月31日止，全年共发布政府信息"]);
  });

  it("ignores common phrases shorter than the minimum length, and reports them when it is lowered", () => {
    const last = "全面推进政务公开工作，提高透明度。";
    const now = "今年继续全面推进政务公开，群众满意。";
    expect(compareNarrative(last, now)).toEqual({ similarity: 0, repeated: [] });
    const short = compareNarrative(last, now, { minLength: 6 });
    expect(short.repeated.map((r) => textOf(now, r))).toEqual(["全面推进政务公开"]);
  });

  it("a passage exactly minLength characters long counts; one shorter does not", () => {
    const twelve = "甲乙丙丁戊己庚辛壬癸子丑";
    expect(compareNarrative(`前${twelve}后`, `左${twelve}右`).repeated).toEqual([{ start: 1, end: 13 }]);
    expect(compareNarrative(`前${twelve.slice(0, 11)}后`, `左${twelve.slice(0, 11)}右`).repeated).toEqual([]);
  });

  it("merges adjacent passages copied from different places of last year's text", () => {
    const a = "一二三四五六七八九十甲乙丙丁";
    const b = "子丑寅卯辰巳午未申酉戌亥天地";
    const r = compareNarrative(`${b}。无关的内容放在中间。${a}`, `${a}${b}`);
    expect(r.repeated).toEqual([{ start: 0, end: a.length + b.length }]);
  });

  it("every marked character lies in a passage of ≥ 12 characters of last year's text (real reports)", () => {
    const reports = loadSampleReports();
    for (const prev of reports) {
      for (const cur of reports) {
        if (prev === cur) continue;
        const r = compareNarrative(prev.text, cur.text);
        const prevSquashed = squash(prev.text);
        let last = -1;
        for (const range of r.repeated) {
          expect(range.start).toBeGreaterThan(last); // sorted, disjoint, not touching
          last = range.end;
          const passage = squash(textOf(cur.text, range));
          expect(passage.length).toBeGreaterThanOrEqual(12);
          // covered by 12-character windows that occur in last year's text (a merged range may join two)
          const covered = new Array<boolean>(passage.length).fill(false);
          for (let j = 0; j + 12 <= passage.length; j++) {
            if (prevSquashed.includes(passage.slice(j, j + 12))) covered.fill(true, j, j + 12);
          }
          expect(covered.every(Boolean), passage).toBe(true);
        }
        // different agencies: some shared boilerplate and table headings, far from a copy
        expect(r.similarity).toBeGreaterThan(0);
        expect(r.similarity).toBeLessThan(0.4);
      }
    }
  });

  it("a report re-filed with a new year and one paragraph rewritten is recognised as mostly copied", () => {
    const last = sampleReport("district-2020").sections.s1_overall;
    const paragraphs = last.split("\n");
    paragraphs[3] = NEW;
    const now = paragraphs.join("\n").replace(/2020/g, "2021");
    const r = compareNarrative(last, now);
    expect(r.similarity).toBeGreaterThan(0.8);
    expect(r.similarity).toBeLessThan(1);
    const newStart = now.indexOf(NEW);
    expect(r.repeated.some((x) => x.start < newStart + NEW.length && x.end > newStart)).toBe(false);
  });

  it("handles empty texts and texts without letters", () => {
    expect(compareNarrative("", "")).toEqual({ similarity: 0, repeated: [] });
    expect(compareNarrative(P1, "")).toEqual({ similarity: 0, repeated: [] });
    expect(compareNarrative("", P1)).toEqual({ similarity: 0, repeated: [] });
    expect(compareNarrative("。，、 \n", "。，、 \n")).toEqual({ similarity: 0, repeated: [] });
  });

  it("keeps characters outside the BMP intact in ranges", () => {
    const s = `${P2}𠀀𠀁`;
    const r = compareNarrative(s, `${s}。`);
    expect(r.repeated).toEqual([{ start: 0, end: s.length }]);
    expect(r.similarity).toBe(1);
  });

  it("stays linear on long sections: 40,000 vs 40,000 characters in well under half a second", () => {
    // Not a speed measurement (that is `npm run bench:narrative`: ~1.6 ms here once warm) but a guard against
    // quadratic work, which on texts this long takes seconds. Real text repeated, random ideographs, identical.
    const all = loadSampleReports().map((r) => r.text);
    const fill = (s: string) => s.repeat(Math.ceil(40000 / s.length)).slice(0, 40000);
    const prev = fill(all[0] + all[1]);
    const cur = fill(all[1] + all[2] + all[0]);
    let seed = 7;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) / 2 ** 24;
    const random = () => Array.from({ length: 40000 }, () => String.fromCharCode(0x4e00 + Math.floor(rnd() * 3000))).join("");
    for (const [a, b] of [
      [prev, cur],
      [random(), random()],
      [prev, prev],
    ]) {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        compareNarrative(a, b);
        times.push(performance.now() - t);
      }
      expect(Math.min(...times)).toBeLessThan(500);
    }
  });
});

describe("segmentsForDisplay", () => {
  const text = "一二三四五六七八九十";

  it("alternates plain and repeated segments that concatenate to the text", () => {
    const segs = segmentsForDisplay(text, [
      { start: 2, end: 4 },
      { start: 6, end: 7 },
    ]);
    expect(segs).toEqual([
      { text: "一二", repeated: false },
      { text: "三四", repeated: true },
      { text: "五六", repeated: false },
      { text: "七", repeated: true },
      { text: "八九十", repeated: false },
    ]);
  });

  it("sorts, merges overlapping and touching ranges, clamps and drops empty ones", () => {
    const segs = segmentsForDisplay(text, [
      { start: 8, end: 99 },
      { start: 0, end: 2 },
      { start: 1, end: 3 },
      { start: 3, end: 4 },
      { start: 5, end: 5 },
      { start: -4, end: -1 },
    ]);
    expect(segs).toEqual([
      { text: "一二三四", repeated: true },
      { text: "五六七八", repeated: false },
      { text: "九十", repeated: true },
    ]);
  });

  it("renders compareNarrative's output losslessly", () => {
    const current = `${NEW}\n${P2}`;
    const segs = segmentsForDisplay(current, compareNarrative(`${P1}${P2}`, current).repeated);
    expect(segs.map((s) => s.text).join("")).toBe(current);
    expect(segs.filter((s) => s.repeated).map((s) => s.text)).toEqual([P2.slice(0, -1)]);
    expect(segmentsForDisplay("", [])).toEqual([]);
    expect(segmentsForDisplay(text, [])).toEqual([{ text, repeated: false }]);
  });
});
