import { describe, expect, it } from "vitest";
import { jitteredLifetime, parseNginxSeconds } from "./page-lifetime";

describe("parseNginxSeconds", () => {
  it("reads nginx times", () => {
    expect(parseNginxSeconds("60s")).toBe(60);
    expect(parseNginxSeconds("10m")).toBe(600);
    expect(parseNginxSeconds("1h30m")).toBe(5400);
    expect(parseNginxSeconds("90")).toBe(90);
    expect(parseNginxSeconds(" 2d ")).toBe(172800);
    expect(parseNginxSeconds("1h 30m")).toBe(5400);
    expect(parseNginxSeconds("1M")).toBe(2592000);
    expect(parseNginxSeconds("1y")).toBe(31536000);
    expect(parseNginxSeconds("1500ms")).toBe(1);
  });
  it("refuses anything else", () => {
    for (const bad of [undefined, "", "s", "60 s", "1x", "-5", "1.5m", "60s;", "1Y", "5mss"]) expect(parseNginxSeconds(bad)).toBeNull();
  });
});

describe("jitteredLifetime", () => {
  it("stays between half and all of the lifetime, both ends included", () => {
    expect(jitteredLifetime(60, () => 0)).toBe(30);
    expect(jitteredLifetime(60, () => 0.999999)).toBe(60);
    expect(jitteredLifetime(61, () => 0)).toBe(31);
    expect(jitteredLifetime(1, () => 0.5)).toBe(1);
  });
  it("spreads the lifetimes over the whole range", () => {
    const seen = new Set(Array.from({ length: 2000 }, () => jitteredLifetime(60)));
    expect(Math.min(...seen)).toBe(30);
    expect(Math.max(...seen)).toBe(60);
    expect(seen.size).toBe(31);
  });
});
