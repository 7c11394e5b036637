import { beforeAll, describe, expect, it } from "vitest";
import { makeWorld } from "@/test/db-fixtures";
import {
  SEARCH_MAX_LENGTH,
  bigramTsQuery,
  excerptOf,
  parseSearchQuery,
  searchAgencies,
  searchBigrams,
  searchReports,
  termsToConfirm,
} from "./search";

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
beforeAll(async () => {
  w = await makeWorld();
}, 60_000);


describe("query parsing (no database)", () => {
  it("splits on spaces (incl. the ideographic space), lower-cases ASCII and counts characters, not UTF-16 units", () => {
    expect(parseSearchQuery("  行政复议　PDF  ")).toEqual({ kind: "ok", text: "行政复议　PDF", terms: ["行政复议", "pdf"], indexed: true });
    expect(parseSearchQuery("复")).toMatchObject({ kind: "ok", indexed: false });
    expect(parseSearchQuery("复 议")).toMatchObject({ kind: "ok", indexed: false, terms: ["复", "议"] });
    expect(parseSearchQuery("")).toEqual({ kind: "empty" });
    expect(parseSearchQuery("议".repeat(10_000))).toEqual({ kind: "tooLong", length: 10_000 });
    expect(parseSearchQuery("𠀀".repeat(SEARCH_MAX_LENGTH))).toMatchObject({ kind: "ok" });
    expect(parseSearchQuery("a b c d e f g h i")).toMatchObject({ kind: "tooManyTerms", terms: 9 });
    expect(searchBigrams("行政复议")).toEqual(["行政", "政复", "复议"]);
    expect(searchBigrams("𠀀𠀁")).toEqual(["𠀀𠀁"]);
    expect(searchBigrams("复")).toEqual([]);
    expect(bigramTsQuery(["o'b\\x"])).toBe(`'o''' & '''b' & 'b\\\\' & '\\\\x'`);
    expect(bigramTsQuery(["复"])).toBeNull();
    // a two-character term is exact in the index; longer and single-character terms are checked against the text
    expect(termsToConfirm(["复议", "行政复议", "复", "ab", "𠀀𠀁"])).toEqual(["行政复议", "复"]);
  });

  it("makes an excerpt around the first match, in section order", () => {
    const e = excerptOf({ s1_overall: "没有", s3_requests: "本年度共收到申请。行政复议案件0件。" }, ["复议"], 4);
    expect(e).toEqual({ section: "三、收到和处理政府信息公开申请情况", before: "…请。行政", match: "复议", after: "案件0件…" });
    expect(excerptOf({ s1_overall: "Open PDF files" }, ["pdf"], 100)).toMatchObject({ match: "PDF" });
    expect(excerptOf({ s1_overall: "无" }, ["复议"])).toBeNull();
  });
});

describe("search (database)", () => {
  // unique words per run, so other test files and earlier runs sharing the database cannot interfere
  const tag = `${Date.now() % 100000}`;
  const word = `政务公开${tag}`;
  let hit: number;
  let decoy: number;
  let corrected: number;
  let draft: number;
  let town: number;

  async function report(agencyId: number, year: number, texts: { state: "PUBLISHED" | "DRAFT"; s1: string; s4?: string }[], v?: "2019" | "2021") {
    const r = await w.db().report.create({
      data: { agencyId, year, formatVersion: v ?? (year >= 2021 ? "2021" : "2019"), scope: "OWN", status: texts.at(-1)!.state },
    });
    let pointer: number | null = null;
    for (const [i, t] of texts.entries()) {
      const rev = await w.db().reportRevision.create({
        data: { reportId: r.id, number: i + 1, state: t.state, s1_overall: t.s1, s4_reviewLitigation: t.s4 ?? "" },
      });
      if (t.state === "PUBLISHED") pointer = rev.id;
    }
    if (pointer) await w.db().report.update({ where: { id: r.id }, data: { publishedRevisionId: pointer } });
    return r.id;
  }

  beforeAll(async () => {
    hit = await report(w.dept.id, 2020, [{ state: "PUBLISHED", s1: `全年${word}工作有序推进。`, s4: `本年度发生政府信息公开行政复议案件2件（${tag}）。Open PDF` }]);
    // every bigram of 行政复议 is present, but not the phrase
    decoy = await report(w.otherDept.id, 2020, [{ state: "PUBLISHED", s1: `行政执法${tag}；市政复核；复议${tag}前置` }]);
    // revision 1 had the word, the published correction (revision 2) no longer does
    corrected = await report(w.dept.id, 2021, [
      { state: "PUBLISHED", s1: `${word}旧文本` },
      { state: "PUBLISHED", s1: `更正后的文本${tag}` },
    ]);
    draft = await report(w.otherDept.id, 2021, [{ state: "DRAFT", s1: `草稿${word}` }]);
    const townAgency = await w.db().agency.create({ data: { name: `测试镇人民政府${tag}${process.pid}`, kind: "TOWNSHIP", regionCode: w.county.code } });
    town = await report(townAgency.id, 2022, [{ state: "PUBLISHED", s1: `镇${word}` }]);
  }, 60_000);

  const inCounty = () => ({ region: w.county.code });
  const ids = async (q: string, filters = {}) => {
    const p = parseSearchQuery(q);
    if (p.kind !== "ok") throw new Error(p.kind);
    return (await searchReports(p.terms, 1, { ...inCounty(), ...filters })).rows.map((r) => r.reportId).sort((a, b) => a - b);
  };

  it("finds 复议 and 行政复议, and drops reports holding the bigrams but not the phrase", async () => {
    expect(await ids(`复议`)).toEqual(expect.arrayContaining([hit, decoy]));
    const phrase = await ids(`行政复议`);
    expect(phrase).toContain(hit);
    expect(phrase).not.toContain(decoy);
    expect(await ids(`行政复议 ${tag}`)).toEqual([hit]);
    expect(await ids(`${tag}前置`)).toEqual([decoy]);
    expect(await ids(`政 ${tag}前置`)).toEqual([decoy]); // a single character is checked against the text
    expect(await ids(`镇 ${tag}前置`)).toEqual([]);
  });

  it("searches only each report's latest published revision", async () => {
    expect(await ids(word)).toEqual([hit, town].sort((a, b) => a - b));
    expect(await ids(`更正后`)).toContain(corrected);
    expect(await ids(`草稿${word}`)).toEqual([]);
    expect(draft).toBeGreaterThan(0);
  });

  it("is case-insensitive for ASCII letters and filters by year, agency kind and format", async () => {
    expect(await ids(`pdf ${tag}`)).toEqual([hit]);
    expect(await ids(`PDF ${tag}`)).toEqual([hit]);
    expect(await ids(word, { year: 2022 })).toEqual([town]);
    expect(await ids(word, { kind: "TOWNSHIP" })).toEqual([town]);
    expect(await ids(word, { format: "2019" })).toEqual([hit]);
    expect(await ids(word, { region: "89" })).toEqual([]);
  });

  it("indexes a revision when it is published and again when its text changes", async () => {
    const later = await report(w.dept.id, 2023, [{ state: "DRAFT", s1: `发布后可查${tag}` }]);
    expect(await ids(`发布后可查${tag}`)).toEqual([]);
    const rev = await w.db().reportRevision.findFirstOrThrow({ where: { reportId: later } });
    await w.db().reportRevision.update({ where: { id: rev.id }, data: { state: "PUBLISHED", publishedAt: new Date() } });
    await w.db().report.update({ where: { id: later }, data: { status: "PUBLISHED", publishedRevisionId: rev.id } });
    expect(await ids(`发布后可查${tag}`)).toEqual([later]);
    await w.db().reportRevision.update({ where: { id: rev.id }, data: { s1_overall: `改写${tag}` } });
    expect(await ids(`发布后可查${tag}`)).toEqual([]);
    expect(await ids(`改写${tag}`)).toEqual([later]);
  });

  it("indexes exactly the bigrams the query side computes (the generated column and searchBigrams agree)", async () => {
    const s1 = "行政Ａ复议 PDF文件\t第二段\u3000全角空格\u00a0不换行𠀀𠀁字'引\\号";
    const s4 = "另一部分";
    const id = await report(w.dept.id, 2024, [{ state: "PUBLISHED", s1, s4 }]);
    const rev = await w.db().report.findUniqueOrThrow({ where: { id }, select: { publishedRevisionId: true } });
    const rows = await w.db().$queryRaw<{ lexeme: string }[]>`
      SELECT unnest(tsvector_to_array("searchTsv")) AS lexeme FROM "ReportRevision" WHERE id = ${rev.publishedRevisionId}`;
    const expected = new Set([s1, s4].flatMap((s) => s.replace(/[A-Z]/g, (c) => c.toLowerCase()).split(/[\t\n\u000b\f\r \u00a0\u3000]+/).flatMap(searchBigrams)));
    expect(new Set(rows.map((r) => r.lexeme))).toEqual(expected);
    expect(expected.has("pd")).toBe(true);
    expect(expected.has("Ａ复")).toBe(true); // full-width letters are left as they are, on both sides
    expect(expected.has("分另")).toBe(false); // no bigram spans two sections
  });

  it("pages with a total and returns an excerpt of the match", async () => {
    const p = parseSearchQuery(word);
    if (p.kind !== "ok") throw new Error();
    const res = await searchReports(p.terms, 1, inCounty());
    expect(res.total).toBe(2);
    expect(res.rows[0]).toMatchObject({ year: 2022, reportId: town, excerpt: { match: word, section: "一、总体情况" } });
    const beyond = await searchReports(p.terms, 5, inCounty());
    expect(beyond).toEqual({ total: 2, rows: [] });
  });

  it("finds agencies by name or pinyin initials within a region and kind", async () => {
    const byName = await searchAgencies("教育局", 1, { region: w.county.code });
    expect(byName.rows.map((a) => a.id)).toContain(w.dept.id);
    const single = await searchAgencies("镇", 1, { region: w.county.code, kind: "TOWNSHIP" });
    expect(single.rows.every((a) => a.kind === "TOWNSHIP")).toBe(true);
    expect(single.total).toBeGreaterThanOrEqual(1);
    expect((await searchAgencies("教育局", 1, { region: "89" })).total).toBe(0);
  });
});
