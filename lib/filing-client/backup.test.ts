import { describe, expect, it } from "vitest";
import { SECTION_KEYS, type SectionKey } from "@/lib/format";
import { backupKey, isBackupKeyOf, parseBackup, selectBackup, type LocalBackup, type ServerCopy } from "./backup";

const sections = (over: Partial<Record<SectionKey, string>> = {}) =>
  Object.fromEntries(SECTION_KEYS.map((k) => [k, over[k] ?? ""])) as Record<SectionKey, string>;

const server: ServerCopy = {
  lockVersion: 4,
  savedAt: "2026-01-10T02:00:00.000Z",
  cells: { "requests.newReceived.natural": 3 },
  sections: sections({ s1_overall: "概述" }),
  explanations: {},
};

const backup = (over: Partial<LocalBackup>): LocalBackup => ({
  reportId: 7,
  lockVersion: 4,
  updatedAt: "2026-01-10T02:05:00.000Z",
  cells: { "requests.newReceived.natural": 3 },
  sections: sections({ s1_overall: "概述" }),
  explanations: {},
  rawInputs: {},
  ...over,
});

describe("backup keys", () => {
  it("are per report and lockVersion", () => {
    expect(backupKey(7, 4)).toBe("nianbao:report-draft:7:4");
    expect(isBackupKeyOf("nianbao:report-draft:7:4", 7)).toBe(true);
    expect(isBackupKeyOf("nianbao:report-draft:71:4", 7)).toBe(false);
  });
});

describe("selectBackup", () => {
  it("offers nothing when the backup holds what the server has", () => {
    expect(selectBackup([backup({})], server)).toBeNull();
  });

  it("offers edits made on the current server version, whatever the clocks say", () => {
    const b = backup({ cells: { "requests.newReceived.natural": 5 }, updatedAt: "2026-01-10T01:00:00.000Z" });
    expect(selectBackup([b], server)).toEqual({ backup: b, stale: false });
  });

  it("offers text that could not be read as a value", () => {
    const b = backup({ rawInputs: { "requests.newReceived.research": "12a" } });
    expect(selectBackup([b], server)?.backup).toBe(b);
  });

  it("offers a backup of an older version only when written after the server copy, marked stale", () => {
    const newer = backup({ lockVersion: 3, sections: sections({ s1_overall: "改" }), updatedAt: "2026-01-10T02:10:00.000Z" });
    const older = backup({ lockVersion: 3, sections: sections({ s1_overall: "改" }), updatedAt: "2026-01-10T01:10:00.000Z" });
    expect(selectBackup([newer], server)).toEqual({ backup: newer, stale: true });
    expect(selectBackup([older], server)).toBeNull();
  });

  it("picks the newest of several", () => {
    const a = backup({ cells: { "requests.newReceived.natural": 5 }, updatedAt: "2026-01-10T02:06:00.000Z" });
    const b = backup({ cells: { "requests.newReceived.natural": 6 }, updatedAt: "2026-01-10T02:07:00.000Z" });
    expect(selectBackup([a, b], server)?.backup).toBe(b);
  });

  it("treats a never-saved server copy as older than any backup", () => {
    const b = backup({ lockVersion: 0, explanations: { "REQ-CARRY-XYEAR:x": "原因" } });
    expect(selectBackup([b], { ...server, lockVersion: 1, savedAt: null })?.stale).toBe(true);
  });
});

describe("parseBackup", () => {
  const json = (x: unknown) => JSON.stringify(x);
  it("reads a well-formed entry and drops unknown or derived cells and bad values", () => {
    const b = parseBackup(
      json({
        ...backup({}),
        cells: { "requests.newReceived.natural": 5, "requests.newReceived.total": 5, nope: 1, "requests.carriedOver.natural": "x", "requests.carriedForward.natural": null },
        sections: { s1_overall: "a", s2_active: 3 },
        explanations: { k: "v", n: 1 },
        rawInputs: { "requests.newReceived.research": "12a", nope: "z" },
      }),
      "2021",
      7,
    );
    expect(b?.cells).toEqual({ "requests.newReceived.natural": 5, "requests.carriedForward.natural": null });
    expect(b?.sections.s1_overall).toBe("a");
    expect(b?.sections.s2_active).toBe("");
    expect(b?.explanations).toEqual({ k: "v" });
    expect(b?.rawInputs).toEqual({ "requests.newReceived.research": "12a" });
  });
  it("refuses garbage and other reports", () => {
    expect(parseBackup(null, "2021", 7)).toBeNull();
    expect(parseBackup("{", "2021", 7)).toBeNull();
    expect(parseBackup(json({ ...backup({}), reportId: 8 }), "2021", 7)).toBeNull();
    expect(parseBackup(json({ ...backup({}), updatedAt: "yesterday" }), "2021", 7)).toBeNull();
  });
});
