import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, pageOf, parseIdKey } from "./cursor";

describe("cursors", () => {
  it("round-trip a key of their own list only", () => {
    const c = encodeCursor("reports", 123);
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor("reports", c, parseIdKey)).toBe(123);
    expect(decodeCursor("agencies", c, parseIdKey)).toBeNull();
    expect(decodeCursor("regions", encodeCursor("regions", "220802"), (k) => k)).toBe("220802");
  });

  it("refuse anything that is not a cursor this API wrote", () => {
    const good = encodeCursor("reports", 5);
    for (const bad of [
      "",
      "abc",
      "!!!",
      good + "=",
      good + "A", // a different byte sequence that still decodes
      "x".repeat(201),
      encodeCursor("reports", "0"),
      encodeCursor("reports", "-1"),
      encodeCursor("reports", "1.5"),
      encodeCursor("reports", "2147483648"),
      encodeCursor("reports", "99999999999999999999"),
      encodeCursor("reports", ""),
      encodeCursor("reports", " 5"),
      Buffer.from([0xff, 0xfe, 0xfd]).toString("base64url"),
    ]) {
      expect(decodeCursor("reports", bad, parseIdKey), bad).toBeNull();
    }
  });

  it("pages a keyset result of limit + 1 rows", () => {
    const rows = [{ id: 1 }, { id: 2 }, { id: 3 }];
    expect(pageOf(rows, 3, "x", (r) => r.id)).toEqual({ data: rows, next_cursor: null });
    const page = pageOf(rows, 2, "x", (r) => r.id);
    expect(page.data).toEqual([{ id: 1 }, { id: 2 }]);
    expect(decodeCursor("x", page.next_cursor!, parseIdKey)).toBe(2);
    expect(pageOf([], 5, "x", () => 0)).toEqual({ data: [], next_cursor: null });
  });
});
