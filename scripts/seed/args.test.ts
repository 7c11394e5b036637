import { describe, expect, it } from "vitest";
import { DEFAULT_AGENCY_COUNT, DEMO_SEED } from "../../lib/demo/generate";
import { parseSeedArgs } from "./args";

describe("seed arguments", () => {
  it("defaults to the fixed seed and the default agency count", () => {
    expect(parseSeedArgs([])).toEqual({ agencies: DEFAULT_AGENCY_COUNT, reset: false, seed: DEMO_SEED, check: true, help: false });
  });

  it("reads --agencies N, --agencies=N, --reset, --seed and --no-check", () => {
    expect(parseSeedArgs(["--agencies", "3000", "--reset"])).toMatchObject({ agencies: 3000, reset: true });
    expect(parseSeedArgs(["--agencies=50", "--seed=7", "--no-check"])).toMatchObject({ agencies: 50, seed: 7, check: false });
  });

  it("refuses what it does not understand", () => {
    expect(() => parseSeedArgs(["--agencies"])).toThrow(/needs a value/);
    expect(() => parseSeedArgs(["--agencies", "many"])).toThrow(/whole number/);
    expect(() => parseSeedArgs(["--force"])).toThrow(/unknown argument/);
  });
});
