import { describe, it, expect } from "vitest";
import "@/test/db-fixtures";
import { clearLoginFailures, loginBlockedFor, recordLoginFailure } from "./throttle";

describe("sign-in throttling", () => {
  it("blocks an account after 5 failures within 15 minutes, from any address, and lets it try again later", async () => {
    const user = `throttle-${Date.now()}`;
    const now = Date.now();
    for (let i = 0; i < 4; i++) await recordLoginFailure(user, `10.0.0.${i}`, now);
    expect(await loginBlockedFor(user, "10.0.0.9", now)).toBe(0);
    await recordLoginFailure(user, "10.0.0.5", now);
    expect(await loginBlockedFor(user, "10.0.0.9", now)).toBeGreaterThan(0);
    expect(await loginBlockedFor(user, "10.0.0.9", now + 16 * 60 * 1000)).toBe(0);
    await clearLoginFailures(user);
    expect(await loginBlockedFor(user, "10.0.0.9", now)).toBe(0);
  });

  it("blocks an address that tries many accounts, and counts concurrent failures without losing one", async () => {
    const ip = `192.0.2.${Date.now() % 250}`;
    const now = Date.now();
    await Promise.all(Array.from({ length: 30 }, (_, i) => recordLoginFailure(`spray-${now}-${i}`, ip, now)));
    expect(await loginBlockedFor(`someone-else-${now}`, ip, now)).toBeGreaterThan(0);
  });
});
