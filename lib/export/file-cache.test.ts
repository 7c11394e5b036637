import { describe, it, expect } from "vitest";
import { cachedFile } from "./file-cache";

describe("report file cache", () => {
  it("builds a file once for concurrent and later requests", async () => {
    let builds = 0;
    const build = async () => (builds++, Buffer.from("x"));
    const [a, b] = await Promise.all([cachedFile("k1", build), cachedFile("k1", build)]);
    await cachedFile("k1", build);
    expect([a.toString(), b.toString(), builds]).toEqual(["x", "x", 1]);
  });

  it("does not remember a failed build", async () => {
    await expect(cachedFile("k2", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect((await cachedFile("k2", async () => Buffer.from("ok"))).toString()).toBe("ok");
  });

  it("drops the least recently used files beyond its size limit", async () => {
    let builds = 0;
    const big = async () => (builds++, Buffer.alloc(12 * 1024 * 1024));
    await cachedFile("a", big);
    await cachedFile("b", big);
    await cachedFile("a", big); // a is now the most recent
    await cachedFile("c", big); // 36 MB > 32 MB: b goes
    await cachedFile("a", big);
    expect(builds).toBe(3);
    await cachedFile("b", big);
    expect(builds).toBe(4);
  });
});
