import { createRequire } from "node:module";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCookies } from "better-call";
import { readCookie } from "./cookie-header";

const name = "better-auth.session_token";

/** better-auth's own reading of the header, to compare with. */
function betterAuthReads(header: string, cookie = name): string | undefined {
  return parseCookies(header).get(cookie);
}

describe("readCookie", () => {
  it("is compared with the very parser better-auth loads", () => {
    const require = createRequire(import.meta.url);
    const from = (dir: string) => require.resolve("better-call", { paths: [dir] });
    const betterAuth = dirname(require.resolve("better-auth"));
    // better-auth and its core package (which builds the getSession endpoint) each import better-call
    const core = dirname(require.resolve("@better-auth/core", { paths: [betterAuth] }));
    expect(from(betterAuth)).toBe(require.resolve("better-call"));
    expect(from(core)).toBe(require.resolve("better-call"));
  });
  const headers = [
    "",
    `${name}=abc.def`,
    `theme=dark; ${name}=abc.def; other=1`,
    `${name}=first; ${name}=second`,
    ` ${name} = spaced ;x=1`,
    `${name}="quoted%2Bvalue"`,
    `${name}=a%2Fb%3D`,
    `${name}=bad%E0%A4%A`,
    `${name}=`,
    `${name}`,
    `junk; ${name}=after-junk`,
    `a=1;junk;${name}=after-junk-between`,
    `x=1;;; ${name}=v;`,
    `${name}x=no; ${name}=yes`,
    `x${name}=no; y=${name}=no; ${name}=yes`,
    `${name}=has=equals; z=1`,
    `${name}="`,
    `a=b;c`,
  ];
  it.each(headers)("reads %j as better-auth does", (header) => {
    expect(readCookie(header, name)).toBe(betterAuthReads(header));
  });
  it("returns nothing without a header", () => {
    expect(readCookie(null, name)).toBeUndefined();
    expect(readCookie(undefined, name)).toBeUndefined();
  });
  it("agrees with better-auth on random headers", () => {
    const alphabet = [`${name}`, "a", "=", ";", " ", '"', "%", "%2B", "%E0", ".", "x"];
    let seed = 42;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      let header = "";
      for (let j = rand(12); j >= 0; j--) header += alphabet[rand(alphabet.length)];
      expect(readCookie(header, name), header).toBe(betterAuthReads(header));
      expect(readCookie(header, "a"), header).toBe(betterAuthReads(header, "a"));
      seen.add(header);
    }
    expect(seen.size).toBeGreaterThan(4000); // mostly different headers (short ones repeat), not a few over and over
  });
});
