import { describe, expect, it } from "vitest";
import { encodeCursor } from "./cursor";
import { agenciesQuery, cellKeysQuery, cellsQuery, idPath, regionCodePath, regionsQuery, reportQuery, reportsQuery } from "./endpoints";
import { ApiError } from "./errors";
import { parsePathParam, parseQuery } from "./params";

const qs = (s: string) => new URLSearchParams(s);

function refusal(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error("expected an ApiError");
}

describe("parseQuery", () => {
  it("converts valid values and applies the default limit", () => {
    expect(parseQuery(reportsQuery, qs("region=220802&year=2020&kind=GOVERNMENT&format=2019&scope=SUMMARY&agency=7"))).toEqual({
      region: "220802",
      year: 2020,
      kind: "GOVERNMENT",
      format: "2019",
      scope: "SUMMARY",
      agency: 7,
      limit: 50,
    });
    expect(parseQuery(reportsQuery, qs("limit=500")).limit).toBe(500);
    expect(parseQuery(reportsQuery, qs("limit=1")).limit).toBe(1);
  });

  it("treats an empty value as absent, as an HTML form sends it", () => {
    expect(parseQuery(reportsQuery, qs("region=&year=&limit="))).toEqual({ limit: 50 });
  });

  it("refuses absurd limits with a Chinese message naming the parameter", () => {
    for (const limit of ["0", "100000", "501", "-1", "abc", "1e3", "2.5", "0x10", " 5", "９"]) {
      const e = refusal(() => parseQuery(reportsQuery, qs(`limit=${encodeURIComponent(limit)}`)));
      expect(e.status, limit).toBe(400);
      expect(e.code).toBe("invalid_parameter");
      expect(e.message).toBe("参数 limit 无效：应为 1 至 500 之间的整数");
      expect(e.details).toEqual([{ param: "limit", message: "应为 1 至 500 之间的整数" }]);
    }
  });

  it("refuses unknown parameters instead of ignoring them", () => {
    const e = refusal(() => parseQuery(reportsQuery, qs("yaer=2020&region=22")));
    expect(e.code).toBe("unknown_parameter");
    expect(e.message).toContain("不支持参数 yaer");
    expect(e.message).toContain("region、year");
    expect(e.details).toEqual([{ param: "yaer", message: "不支持该参数" }]);
    // names that are special in JavaScript are just unknown names
    expect(refusal(() => parseQuery(reportsQuery, qs("__proto__=1&constructor=2"))).details?.map((d) => d.param)).toEqual(["__proto__", "constructor"]);
    // an unknown parameter with an empty value is still unknown
    expect(refusal(() => parseQuery(reportsQuery, qs("foo="))).code).toBe("unknown_parameter");
  });

  it("refuses a repeated parameter", () => {
    const e = refusal(() => parseQuery(reportsQuery, qs("year=2020&year=2021")));
    expect(e.code).toBe("invalid_parameter");
    expect(e.message).toBe("参数不能重复：year");
  });

  it("refuses bad region codes, years, kinds, formats and scopes", () => {
    const cases: [string, string][] = [
      ["region=2208x", "region"],
      ["region=220", "region"],
      ["region=22080212", "region"],
      ["year=2018", "year"],
      ["year=3000", "year"],
      ["year=twenty", "year"],
      ["kind=government", "kind"],
      ["format=2020", "format"],
      ["scope=ALL", "scope"],
      ["agency=0", "agency"],
      ["agency=2147483648", "agency"],
    ];
    for (const [q, param] of cases) {
      const e = refusal(() => parseQuery(reportsQuery, qs(q)));
      expect(e.code, q).toBe("invalid_parameter");
      expect(e.details?.[0].param, q).toBe(param);
      expect(e.message, q).toMatch(/^参数 \w+ 无效：[^a-zA-Z]*[\u4e00-\u9fff]/);
    }
    expect(refusal(() => parseQuery(reportsQuery, qs("kind=X"))).message).toBe("参数 kind 无效：应为 GOVERNMENT、DEPARTMENT、TOWNSHIP、SUBDISTRICT、OTHER 之一");
  });

  it("lists every problem at once", () => {
    const e = refusal(() => parseQuery(reportsQuery, qs("year=1&limit=0&bogus=1")));
    expect(e.code).toBe("invalid_parameter");
    expect(e.details?.map((d) => d.param).sort()).toEqual(["bogus", "limit", "year"]);
  });

  it("bounds the name search: 100 characters, no control characters", () => {
    expect(parseQuery(agenciesQuery, qs(`q=${encodeURIComponent("  洮北区 ")}`)).q).toBe("洮北区");
    expect(refusal(() => parseQuery(agenciesQuery, qs(`q=${"区".repeat(10_000)}`))).message).toBe("参数 q 无效：最多 100 个字符");
    expect(refusal(() => parseQuery(agenciesQuery, qs("q=a%00b"))).details?.[0]).toEqual({ param: "q", message: "不能包含控制字符" });
  });

  it("decodes cursors of its own list and refuses others as invalid_cursor", () => {
    expect(parseQuery(reportsQuery, qs(`cursor=${encodeCursor("reports", 42)}`)).cursor).toBe(42);
    expect(parseQuery(regionsQuery, qs(`cursor=${encodeCursor("regions", "2208")}`)).cursor).toBe("2208");
    for (const cursor of ["abc", "%%%", encodeCursor("agencies", 42), encodeCursor("reports", "x"), encodeCursor("regions", "22'--"), "a".repeat(300)]) {
      const e = refusal(() => parseQuery(reportsQuery, qs(`cursor=${encodeURIComponent(cursor)}`)));
      expect(e.code, cursor).toBe("invalid_cursor");
      expect(e.message).toContain("next_cursor");
    }
    expect(refusal(() => parseQuery(regionsQuery, qs(`cursor=${encodeCursor("regions", "22'--")}`))).code).toBe("invalid_cursor");
    expect(parseQuery(cellKeysQuery, qs(`cursor=${encodeCursor("cell-keys", "2021:requests.newReceived.total")}`)).cursor).toEqual({
      format: "2021",
      key: "requests.newReceived.total",
    });
    expect(refusal(() => parseQuery(cellKeysQuery, qs(`cursor=${encodeCursor("cell-keys", "2021:no.such.key")}`))).code).toBe("invalid_cursor");
  });

  it("checks cell keys against the formats", () => {
    expect(parseQuery(cellsQuery, qs("keys=requests.newReceived.total,requests.newReceived.total,active.art20_8.fees.amount")).keys).toEqual([
      "requests.newReceived.total",
      "active.art20_8.fees.amount",
    ]);
    const unknown = refusal(() => parseQuery(cellsQuery, qs("keys=requests.newReceived.total,no.such.key")));
    expect(unknown.code).toBe("invalid_parameter");
    expect(unknown.message).toContain("no.such.key");
    // 收费金额 exists only in the 2021 format
    expect(refusal(() => parseQuery(cellsQuery, qs("format=2019&keys=active.art20_8.fees.amount"))).message).toContain("2019 格式中没有这些单元格");
    expect(refusal(() => parseQuery(cellsQuery, qs("keys=a,,b"))).details?.[0].param).toBe("keys");
    expect(refusal(() => parseQuery(cellsQuery, qs("format=2020&keys=requests.newReceived.total"))).details).toEqual([
      { param: "format", message: "应为 2019、2021 之一" },
    ]);
    expect(refusal(() => parseQuery(cellsQuery, qs("keys=a;drop"))).details?.[0].param).toBe("keys");
  });

  it("refuses parent and level together, and levels outside 1–4", () => {
    expect(parseQuery(regionsQuery, qs("level=4"))).toEqual({ level: 4, limit: 50 });
    expect(refusal(() => parseQuery(regionsQuery, qs("parent=22&level=2"))).message).toBe("参数 level 无效：不能与 parent 同时使用");
    expect(refusal(() => parseQuery(regionsQuery, qs("level=5"))).code).toBe("invalid_parameter");
  });

  it("accepts no parameters where an endpoint takes none", () => {
    expect(parseQuery(reportQuery, qs("rev=2"))).toEqual({ rev: 2 });
    expect(refusal(() => parseQuery(reportQuery, qs("rev=0"))).code).toBe("invalid_parameter");
    expect(refusal(() => parseQuery(reportQuery, qs("format=2019"))).code).toBe("unknown_parameter");
  });
});

describe("parsePathParam", () => {
  it("validates ids and region codes in the path", () => {
    expect(parsePathParam(idPath, "id", "12")).toBe(12);
    expect(parsePathParam(regionCodePath, "code", "220802")).toBe("220802");
    for (const raw of ["0", "-1", "abc", "1e3", "12.0", "99999999999"]) {
      const e = refusal(() => parsePathParam(idPath, "id", raw));
      expect([e.status, e.code, e.details?.[0].param], raw).toEqual([400, "invalid_parameter", "id"]);
    }
    expect(refusal(() => parsePathParam(regionCodePath, "code", "2208x")).message).toContain("路径参数 code 无效");
  });
});
