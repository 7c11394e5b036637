/**
 * The TypeScript format data must match the shared machine-readable spec exactly; this is what stops the two
 * from drifting apart.
 */
import { describe, expect, it } from "vitest";
import { RULES } from "./messages";
import { allCellDefs, allKeys, cellDef, derivedKeys, FORMAT_VERSIONS, formatForYear, getFormat, leafKeys, optionalKeys } from "./registry";
import { SECTIONS } from "./sections";
import { loadSpecJson, type SpecTable } from "./test-fixtures";
import type { CellType, FormatVersion, RuleId, TableDef } from "./types";

const spec = loadSpecJson();

const TYPE_OF: Record<string, CellType> = { "int>=0": "int", "signed int": "signedInt", "decimal>=0": "decimal" };
const last = <T>(xs: readonly T[]): T | null => (xs.length ? xs[xs.length - 1]! : null);

describe("sections", () => {
  it("has the six official headings in order", () => {
    expect(SECTIONS.map((s) => s.heading)).toEqual(spec.sections);
    expect(SECTIONS.map((s) => s.key)).toEqual([
      "s1_overall",
      "s2_active",
      "s3_requests",
      "s4_reviewLitigation",
      "s5_problems",
      "s6_other",
    ]);
    expect(SECTIONS.filter((s) => s.hasTables).map((s) => s.key)).toEqual(["s2_active", "s3_requests", "s4_reviewLitigation"]);
  });
});

describe("versions", () => {
  it("are exactly the spec's versions", () => {
    expect([...FORMAT_VERSIONS].sort()).toEqual(Object.keys(spec.versions).sort());
  });

  for (const v of FORMAT_VERSIONS) {
    const sv = spec.versions[v]!;
    const f = getFormat(v);

    it(`${v}: document and report years`, () => {
      expect(f.version).toBe(sv.version);
      expect(f.document).toBe(sv.document);
      if (Array.isArray(sv.reportYears)) {
        expect([f.reportYears.from, f.reportYears.to]).toEqual([sv.reportYears[0], sv.reportYears[sv.reportYears.length - 1]]);
      } else {
        expect(sv.reportYears).toBe(`${f.reportYears.from} and later`);
        expect(f.reportYears.to).toBeNull();
      }
      for (let y = f.reportYears.from; y <= (f.reportYears.to ?? f.reportYears.from + 10); y++) expect(formatForYear(y)).toBe(v);
    });

    it(`${v}: table ids in official order`, () => {
      expect(f.tables.map((t) => t.id)).toEqual(sv.tables.map((t) => t.id));
    });

    for (const st of sv.tables) {
      it(`${v} ${st.id}: table, rows, columns and every cell match the spec`, () => {
        const t = f.tables.find((x) => x.id === st.id)!;
        compareTable(v, t, st);
      });
    }

    it(`${v}: rule ids are known and sum rules match the spec's expressions`, () => {
      for (const r of sv.rules) expect(Object.keys(RULES)).toContain(r.id);
      compareSumRules(v, sv.rules);
    });
  }
});

function compareTable(v: FormatVersion, t: TableDef, st: SpecTable) {
  expect(SECTIONS.find((s) => s.key === t.section)!.heading).toBe(st.section);
  expect(t.caption).toBe(st.caption ?? null);
  expect(t.firstColumnHeader).toBe(st.firstColumnHeader ?? null);
  expect(t.headerNote).toBe(st.headerNote ?? null);
  expect(t.columnHeader).toBe(st.columnHeader ?? null);

  if (st.rows) {
    const national = t.rows.filter((r) => !r.optional);
    expect(national.map((r) => ({ key: r.key, label: r.label, group: last(r.groups) }))).toEqual(
      st.rows.map((r) => ({ key: r.key, label: r.label, group: r.group ?? null })),
    );
    expect(t.rows.filter((r) => r.optional).map((r) => ({ key: r.key, label: r.label, note: r.note }))).toEqual(
      (st.optionalRows ?? []).map((r) => ({ key: r.key, label: r.label, note: r.note })),
    );
  }
  if (st.columns) {
    expect(
      t.columns.map((c) => ({
        key: c.key,
        label: c.label,
        type: c.type,
        unit: c.unit,
        group: last(c.groups),
        note: c.note,
      })),
    ).toEqual(
      st.columns.map((c) => ({
        key: c.key,
        label: c.label,
        type: c.type === undefined ? "int" : TYPE_OF[c.type],
        unit: c.unit ?? "件",
        group: c.group ?? null,
        note: c.note,
      })),
    );
  }
  if (st.flatOrder) {
    expect(t.cells.map((c) => c.key)).toEqual(st.flatOrder);
  }

  const cells = t.cells.filter((c) => !c.optional);
  expect(cells.map((c) => c.key)).toEqual(st.cells.map((c) => c.key));
  st.cells.forEach((sc, i) => {
    const c = cells[i]!;
    const where = `${v} ${sc.key}`;
    expect(c.tableId, where).toBe(st.id);
    expect(c.colLabel, where).toBe(sc.col);
    if (sc.row !== undefined) expect(c.rowLabel, where).toBe(sc.row);
    if (sc.rowGroup !== undefined) expect(last(c.rowGroups), where).toBe(sc.rowGroup);
    if (sc.colGroup !== undefined) expect(last(c.colGroups), where).toBe(sc.colGroup);
    if (sc.group !== undefined) {
      expect(last(c.colGroups), where).toBe(sc.group);
      expect(c.colGroups.length > 1 ? c.colGroups[c.colGroups.length - 2] : null, where).toBe(sc.supergroup);
    }
    expect(c.type, where).toBe(TYPE_OF[sc.type]);
    if (sc.unit.startsWith("UNSPECIFIED")) {
      // 采购总金额: the header gives no unit; decisions.md stores 元, which the spec's column entry also says.
      const col = st.columns!.find((x) => x.label === sc.col)!;
      expect(c.unit, where).toBe(col.unit);
      expect(c.unit).toBe("元");
    } else {
      expect(c.unit, where).toBe(sc.unit);
    }
    expect(c.derived, where).toBe(sc.derived);
    expect(c.key.startsWith(`${st.id}.`)).toBe(true);
    expect(cellDef(v, c.key)).toBe(c);
  });
}

/** Expand "a.{col} + b.{col} == …" over a forEach list and compare with the engine's sum definitions. */
function compareSumRules(v: FormatVersion, rules: { id: string; forEach?: string; expr: string }[]) {
  const requests = getFormat(v).tables.find((t) => t.id === "requests")!;
  const terms = (side: string) => side.split("+").map((s) => s.trim());
  let checked = 0;
  for (const r of rules) {
    const [lhs, rhs] = r.expr.split("==").map((s) => s.trim()) as [string, string];
    if (r.id === "REQ-BALANCE" || r.id === "REQ-RESULTS-TOTAL") {
      const cols = r.forEach!.startsWith("col in natural")
        ? r.forEach!.replace("col in ", "").split(",")
        : requests.columns.map((c) => c.key);
      expect(cols).toEqual(requests.columns.map((c) => c.key));
      for (const col of cols) {
        const sub = (s: string) => s.replaceAll("{col}", col);
        if (r.id === "REQ-BALANCE") {
          const b = requests.balance!;
          expect(b.ruleId).toBe(r.id);
          expect(terms(sub(lhs))).toEqual(b.lhs.map((row) => `requests.${row}.${col}`));
          expect(terms(sub(rhs))).toEqual(b.rhs.map((row) => `requests.${row}.${col}`));
        } else {
          const totalRow = requests.rows.find((x) => `requests.${x.key}.${col}` === sub(lhs))!;
          expect(totalRow.sum!.ruleId).toBe(r.id);
          expect(terms(sub(rhs))).toEqual(totalRow.sum!.of.map((row) => `requests.${row}.${col}`));
        }
        checked++;
      }
    } else if (r.id === "REQ-ROWSUM") {
      for (const row of requests.rows) {
        const sub = (s: string) => s.replaceAll("{row}", row.key);
        const total = cellDef(v, sub(lhs))!;
        expect(total.sumRuleId).toBe(r.id);
        expect(total.parts).toEqual(terms(sub(rhs)));
        checked++;
      }
    } else if (r.id.startsWith("RL-") && r.id.endsWith("-TOTAL")) {
      const total = cellDef(v, lhs)!;
      expect(total.sumRuleId).toBe(r.id);
      expect(total.parts).toEqual(terms(rhs));
      checked++;
    }
  }
  expect(checked).toBe(7 + 7 + requests.rows.length + 3);
  // Every derived cell is checked by one of those rules, and nothing else is derived.
  const ruleIds = new Set<RuleId>(["REQ-ROWSUM", "REQ-RESULTS-TOTAL", "RL-REVIEW-TOTAL", "RL-LITIGATION-DIRECT-TOTAL", "RL-LITIGATION-AFTERREVIEW-TOTAL"]);
  for (const k of derivedKeys(v)) expect(ruleIds.has(cellDef(v, k)!.sumRuleId!)).toBe(true);
}

describe("key lists", () => {
  it("count cells as the spec and the real reports do", () => {
    expect(allKeys("2019")).toHaveLength(198);
    expect(allKeys("2021")).toHaveLength(200);
    expect(derivedKeys("2019")).toHaveLength(23 + 6 + 3);
    expect(derivedKeys("2021")).toHaveLength(25 + 6 + 3);
    expect(leafKeys("2019").length + derivedKeys("2019").length).toBe(198);
    expect(leafKeys("2021").length + derivedKeys("2021").length).toBe(200);
  });

  it("keeps the optional 2019 row out of the national key lists but resolvable", () => {
    expect(optionalKeys("2019")).toEqual([
      "active.art20_1.otherActiveDocs.newlyMade",
      "active.art20_1.otherActiveDocs.newlyPublished",
      "active.art20_1.otherActiveDocs.totalPublished",
    ]);
    expect(optionalKeys("2021")).toEqual([]);
    for (const k of optionalKeys("2019")) {
      expect(allKeys("2019")).not.toContain(k);
      expect(cellDef("2019", k)).toMatchObject({ optional: true, type: "int", derived: false });
    }
    expect(allCellDefs("2019")).toHaveLength(201);
  });

  it("has unique keys and leafParts that are leaves", () => {
    for (const v of FORMAT_VERSIONS) {
      const keys = allCellDefs(v).map((c) => c.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const d of allCellDefs(v).filter((c) => c.derived)) {
        for (const p of d.leafParts!) expect(cellDef(v, p)!.derived).toBe(false);
      }
    }
  });

  it("labels cells for messages", () => {
    expect(cellDef("2021", "requests.results.denied.stateSecret.total")!.label).toBe("三、本年度办理结果（三）不予公开 1.属于国家秘密 / 总计");
    expect(cellDef("2019", "requests.newReceived.commercial")!.label).toBe("一、本年新收政府信息公开申请数量 / 法人或其他组织·商业企业");
    expect(cellDef("2019", "reviewLitigation.litigation.direct.upheld")!.label).toBe("行政诉讼·未经复议直接起诉·结果维持");
    expect(cellDef("2019", "active.art20_5.licensing.change")!.label).toBe("第二十条第（五）项 行政许可 / 本年增/减");
  });

  it("gives （七）总计/总计 row-wise parts and all result leaves", () => {
    const d = cellDef("2021", "requests.results.total.total")!;
    expect(d.parts).toEqual(["natural", "commercial", "research", "socialWelfare", "legalService", "otherOrg"].map((c) => `requests.results.total.${c}`));
    expect(d.leafParts).toHaveLength(21 * 6);
  });
});

describe("formatForYear", () => {
  it("maps years to versions", () => {
    expect(formatForYear(2019)).toBe("2019");
    expect(formatForYear(2020)).toBe("2019");
    expect(formatForYear(2021)).toBe("2021");
    expect(formatForYear(2035)).toBe("2021");
    expect(() => formatForYear(2018)).toThrow(RangeError);
  });
});
