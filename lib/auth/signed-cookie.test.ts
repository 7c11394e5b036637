import { describe, expect, it } from "vitest";
import { parseCookies, serializeSignedCookie } from "better-call";
import { verifySignedValue } from "./signed-cookie";

const secret = "a-test-secret-that-is-long-enough-0123456789";

/** What the browser sends back: the cookie value better-auth set, as its own parser reads it. */
async function signedByBetterAuth(value: string, key = secret): Promise<string> {
  const setCookie = await serializeSignedCookie("better-auth.session_token", value, key);
  return parseCookies(setCookie.split(";")[0]!).get("better-auth.session_token")!;
}

describe("verifySignedValue", () => {
  it("accepts what better-auth signs and returns the value", async () => {
    for (const token of ["abc", "Zx9_-token.with.dots", "a".repeat(64)]) {
      expect(verifySignedValue(await signedByBetterAuth(token), secret)).toBe(token);
    }
  });
  it("refuses another key, a changed value or signature, and malformed cookies", async () => {
    const good = await signedByBetterAuth("token123");
    expect(verifySignedValue(await signedByBetterAuth("token123", "another-secret-that-is-long-enough-987654"), secret)).toBeNull();
    expect(verifySignedValue(good.replace("token123", "token124"), secret)).toBeNull();
    const sig = good.slice(good.lastIndexOf(".") + 1);
    const flipped = (sig[0] === "A" ? "B" : "A") + sig.slice(1);
    expect(verifySignedValue(`token123.${flipped}`, secret)).toBeNull();
    for (const bad of [undefined, "", "token123", ".sig", `token123.${sig.slice(0, 43)}`, `token123.${sig.slice(0, 43)}x`]) {
      expect(verifySignedValue(bad, secret)).toBeNull();
    }
  });
});
