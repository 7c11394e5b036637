import { describe, expect, it } from "vitest";
import { SECTION_KEYS, SECTION_MAX_LENGTH, leafKeys, type SectionKey } from "@/lib/format";
import { draftPayload, draftReducer, fillableBlanks, initialDraft, isDirty, type DraftAction, type DraftState } from "./draft-state";
import type { PastePlan } from "./paste";

const sections = (over: Partial<Record<SectionKey, string>> = {}) =>
  Object.fromEntries(SECTION_KEYS.map((k) => [k, over[k] ?? ""])) as Record<SectionKey, string>;
const A = "requests.newReceived.natural";
const B = "requests.newReceived.commercial";

const start = () => initialDraft("2021", { cells: { [A]: 3, "requests.newReceived.total": 99 }, sections: sections({ s1_overall: "概述" }), explanations: {} }, [A, B]);
const run = (s: DraftState, ...actions: DraftAction[]) => actions.reduce(draftReducer, s);

describe("initialDraft", () => {
  it("holds every leaf cell (missing = blank), drops derived ones, and marks only filled pre-filled cells", () => {
    const s = start();
    expect(Object.keys(s.cells)).toHaveLength(leafKeys("2021").length);
    expect(s.cells["requests.newReceived.total"]).toBeUndefined();
    expect(s.cells[B]).toBeNull();
    expect([...s.prefilled]).toEqual([A]);
    expect(isDirty(s)).toBe(false);
  });
});

describe("editing a cell", () => {
  it("commits a readable value while typing and keeps the pre-filled mark until the final commit changes it", () => {
    const typing = run(start(), { type: "edit", key: A, text: "5", fallback: 3, final: false });
    expect(typing.cells[A]).toBe(5);
    expect(typing.prefilled.has(A)).toBe(true);
    expect(isDirty(typing)).toBe(true);
    const done = run(typing, { type: "edit", key: A, text: "5", fallback: 3, final: true });
    expect(done.prefilled.has(A)).toBe(false);
  });

  it("retyping the same value leaves the pre-filled mark and the draft clean", () => {
    const s = run(start(), { type: "edit", key: A, text: "３", fallback: 3, final: true });
    expect(s.prefilled.has(A)).toBe(true);
    expect(isDirty(s)).toBe(false);
  });

  it("unreadable text keeps the last valid value, and is flagged (with its text) only on commit", () => {
    const typing = run(start(), { type: "edit", key: A, text: "3", fallback: 3, final: false }, { type: "edit", key: A, text: "3a", fallback: 3, final: false });
    expect(typing.cells[A]).toBe(3);
    expect(typing.raw[A]).toBeUndefined();
    const done = run(typing, { type: "edit", key: A, text: "3a", fallback: 3, final: true });
    expect(done.cells[A]).toBe(3);
    expect(done.raw[A]).toEqual({ text: "3a", message: "请输入数字" });
    expect(isDirty(done)).toBe(true);
    const fixed = run(done, { type: "edit", key: A, text: "4", fallback: 3, final: true });
    expect(fixed.raw[A]).toBeUndefined();
    expect(fixed.cells[A]).toBe(4);
  });

  it("blank stays blank", () => {
    const s = run(start(), { type: "edit", key: A, text: "  ", fallback: 3, final: true });
    expect(s.cells[A]).toBeNull();
  });
});

describe("paste, fill and undo", () => {
  const plan: PastePlan = {
    updates: [{ key: A, value: 7 }, { key: B, value: 1 }],
    failures: [{ key: "requests.newReceived.research", text: "x", message: "请输入数字" }],
    skippedDerived: [],
    outside: 0,
    truncated: false,
  };

  it("applies values and failures, drops changed pre-filled marks, and undoes exactly that", () => {
    const s = run(start(), { type: "paste", plan });
    expect(s.cells[A]).toBe(7);
    expect(s.cells[B]).toBe(1);
    expect(s.raw["requests.newReceived.research"]?.text).toBe("x");
    expect(s.prefilled.has(A)).toBe(false);
    const u = run(s, { type: "undo" });
    expect(u.cells[A]).toBe(3);
    expect(u.cells[B]).toBeNull();
    expect(u.raw["requests.newReceived.research"]).toBeUndefined();
    expect(u.prefilled.has(A)).toBe(true);
    expect(u.undo).toBeNull();
  });

  it("fills every blank leaf with 0 but never a cell holding unreadable text", () => {
    const s0 = run(start(), { type: "edit", key: B, text: "abc", fallback: null, final: true });
    expect(fillableBlanks(s0)).not.toContain(B);
    const s = run(s0, { type: "fillZeros" });
    expect(s.cells[B]).toBeNull();
    expect(s.raw[B]?.text).toBe("abc");
    expect(s.cells["requests.carriedOver.natural"]).toBe(0);
    expect(s.cells[A]).toBe(3);
    expect(fillableBlanks(s)).toEqual([]);
    const u = run(s, { type: "undo" });
    expect(u.cells["requests.carriedOver.natural"]).toBeNull();
  });

  it("a later edit ends the undo, also when keystrokes already committed the value", () => {
    const s = run(start(), { type: "fillZeros" }, { type: "edit", key: A, text: "8", fallback: 3, final: true });
    expect(s.undo).toBeNull();
    const typed = run(
      start(),
      { type: "paste", plan },
      { type: "edit", key: B, text: "4", fallback: 1, final: false },
      { type: "edit", key: B, text: "4", fallback: 1, final: true },
    );
    expect(typed.undo).toBeNull();
    // focusing and leaving a cell without changing it keeps the undo
    const untouched = run(start(), { type: "paste", plan }, { type: "edit", key: B, text: "1", fallback: 1, final: true });
    expect(untouched.undo).not.toBeNull();
  });
});

describe("replace and saved", () => {
  it("their version is clean; a restored backup is dirty and brings back unreadable text", () => {
    const s = run(start(), { type: "edit", key: A, text: "9", fallback: 3, final: true });
    const theirs = run(s, { type: "replace", cells: { [A]: 4 }, sections: sections(), clean: true });
    expect(theirs.cells[A]).toBe(4);
    expect(isDirty(theirs)).toBe(false);
    const restored = run(start(), { type: "replace", cells: { [A]: 3 }, sections: sections(), rawInputs: { [B]: "1.5" }, clean: false });
    expect(isDirty(restored)).toBe(true);
    expect(restored.raw[B]).toEqual({ text: "1.5", message: "该项应为整数" });
    expect(restored.prefilled.has(A)).toBe(true);
  });

  it("saved(rev) marks clean only if nothing changed since that rev", () => {
    const s = run(start(), { type: "section", key: "s1_overall", text: "新" });
    const sentRev = s.rev;
    const more = run(s, { type: "section", key: "s1_overall", text: "新二" });
    expect(isDirty(run(more, { type: "saved", rev: sentRev }))).toBe(true);
    expect(isDirty(run(s, { type: "saved", rev: sentRev }))).toBe(false);
  });
});

describe("draftPayload", () => {
  it("sends every leaf, the last valid value of an unreadable cell, and non-empty explanations", () => {
    const s = run(
      start(),
      { type: "edit", key: A, text: "3万", fallback: 3, final: true },
      { type: "explain", key: "k1", text: "说明" },
      { type: "explain", key: "k2", text: "  " },
    );
    const p = draftPayload(s, 7, 4, sections());
    expect(p.reportId).toBe(7);
    expect(p.lockVersion).toBe(4);
    expect(Object.keys(p.cells)).toHaveLength(leafKeys("2021").length);
    expect(p.cells[A]).toBe(3);
    expect(p.explanations).toEqual({ k1: "说明" });
  });

  it("an over-long section is sent as the server's copy, the others as typed", () => {
    const long = "字".repeat(SECTION_MAX_LENGTH + 1);
    const s = run(start(), { type: "section", key: "s6_other", text: long }, { type: "section", key: "s5_problems", text: "问题" });
    const p = draftPayload(s, 7, 4, sections({ s6_other: "旧" }));
    expect(p.sections.s6_other).toBe("旧");
    expect(p.sections.s5_problems).toBe("问题");
  });

  it("includes optional-row cells the report shows", () => {
    const s = initialDraft("2019", { cells: { "active.art20_1.otherActiveDocs.newlyMade": 2 }, sections: sections(), explanations: {} }, []);
    const p = draftPayload(s, 1, 1, sections(), ["active.art20_1.otherActiveDocs.newlyMade", "active.art20_1.otherActiveDocs.newlyPublished"]);
    expect(p.cells["active.art20_1.otherActiveDocs.newlyMade"]).toBe(2);
    expect(p.cells["active.art20_1.otherActiveDocs.newlyPublished"]).toBeNull();
  });
});
