import { describe, expect, it } from "vitest";
import { publicPathsForReport, regionAndAncestors } from "./public-paths";

describe("public paths of a report", () => {
  it("climbs the region codes by prefix", () => {
    expect(regionAndAncestors("22")).toEqual(["22"]);
    expect(regionAndAncestors("220802")).toEqual(["22", "2208", "220802"]);
    expect(regionAndAncestors("230522100")).toEqual(["23", "2305", "230522", "230522100"]);
  });

  it("lists the report, its agency, every region above it and the index pages", () => {
    expect(publicPathsForReport({ id: 7, agencyId: 3, regionCode: "220802" })).toEqual([
      "/reports/7",
      "/agencies/3",
      "/regions/22",
      "/regions/2208",
      "/regions/220802",
      "/regions",
      "/",
      "/compare",
    ]);
  });
});
