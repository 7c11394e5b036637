import { describe, expect, it } from "vitest";
// better-auth's own cookie writer (its pinned dependency)
import { serializeSignedCookie } from "better-call";
import { SECTION_KEYS, leafKeys, prefillFromPrevious } from "../../lib/format";
import { checkForSubmission } from "../../lib/db/reports";
import { loadSamples } from "../../lib/demo/samples";
import { clerkWork, signedSessionCookie, SESSION_COOKIE, type Clerk, type Draft } from "./clerks";

describe("signedSessionCookie", () => {
  it("is the cookie better-auth sets for the token (better-call's serializeSignedCookie, its own writer)", async () => {
    const secret = "a-secret-of-at-least-thirty-two-characters";
    const token = "AbCdEfGhIjKlMnOpQrStUvWxYz012345";
    const theirs = (await serializeSignedCookie(SESSION_COOKIE, token, secret, {})).split(";")[0];
    expect(signedSessionCookie(token, secret)).toBe(theirs);
    expect(signedSessionCookie(token, secret + "x")).not.toBe(theirs);
  });
});

describe("clerkWork", () => {
  const town = loadSamples().find((s) => s.formatVersion === "2021" && s.scope === "OWN")!;
  const year = town.year + 1;
  const prefill = prefillFromPrevious("2021", town);
  const draft: Draft = {
    reportId: 1,
    version: "2021",
    lockVersion: 0,
    cells: prefill.cells,
    sections: Object.fromEntries(SECTION_KEYS.map((k) => [k, ""])) as Draft["sections"],
  };
  const clerk: Clerk = { userId: "u", username: "bench-clerk-001", agencyId: 42, agencyKind: "TOWNSHIP", regionCode: town.agency.regionCode, cookie: "" };
  const work = clerkWork(clerk, draft, { formatVersion: "2021", cells: town.cells, sections: town.sections }, year, 6);

  it("saves six times, then submits a report the server accepts", () => {
    expect(work.steps).toHaveLength(7);
    const last = work.steps[6]!;
    expect(leafKeys("2021").every((k) => typeof last.cells[k] === "number")).toBe(true);
    expect(checkForSubmission("2021", last.cells, last.explanations, { formatVersion: "2021", cells: town.cells })).toBeNull();
  });

  it("changes something at every save, so each leaves its own audit entry", () => {
    let before = { cells: draft.cells, sections: draft.sections };
    for (const step of work.steps.slice(0, 6)) {
      const cellChanged = leafKeys("2021").some((k) => (before.cells[k] ?? null) !== (step.cells[k] ?? null));
      const textChanged = SECTION_KEYS.some((k) => before.sections[k] !== step.sections[k]);
      expect(cellChanged || textChanged).toBe(true);
      before = step;
    }
  });

  it("is the same for the same clerk and year", () => {
    expect(clerkWork(clerk, draft, { formatVersion: "2021", cells: town.cells, sections: town.sections }, year, 6)).toEqual(work);
  });
});
