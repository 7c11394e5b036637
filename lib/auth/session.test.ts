import { beforeAll, describe, expect, it, vi } from "vitest";
import { makeWorld, uniqueSuffix } from "@/test/db-fixtures";

// getCurrentUser reads the session itself (lib/auth/session.ts); these check it against better-auth's own sign-in,
// sign-out and getSession on a real database.
process.env.BETTER_AUTH_SECRET ??= "session-test-secret-0123456789-abcdefghijklmnop";
let cookieHeader = "";
vi.mock("next/headers", () => ({
  headers: async () => new Headers(cookieHeader ? { cookie: cookieHeader } : {}),
}));

const { getCurrentUser } = await import("./session");
const { getAuth } = await import("./auth");
const { upsertAccount } = await import("./accounts");

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
beforeAll(async () => {
  w = await makeWorld();
}, 60_000);

const PASSWORD = "a-long-enough-password";

/** Signs in through better-auth as a browser would and keeps the cookie it sets. */
async function signIn(): Promise<{ userId: string; token: string }> {
  const username = `s${uniqueSuffix()}`.toLowerCase();
  const userId = await upsertAccount(w.db(), { username, name: "会话测试", password: PASSWORD, role: "CLERK", agencyId: w.dept.id });
  const res = await getAuth().api.signInUsername({ body: { username, password: PASSWORD }, asResponse: true });
  expect(res.status).toBe(200);
  cookieHeader = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
  const session = await w.db().session.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: "desc" } });
  return { userId, token: session.token };
}

describe("getCurrentUser", () => {
  it("finds the user better-auth signed in, as getSession does", async () => {
    const { userId } = await signIn();
    const user = await getCurrentUser();
    expect(user).toEqual({ id: userId, name: "会话测试", username: expect.stringMatching(/^s/), role: "CLERK", agencyId: w.dept.id, regionCode: null, banned: false });
    const viaBetterAuth = await getAuth().api.getSession({ headers: new Headers({ cookie: cookieHeader }) });
    expect(viaBetterAuth?.user.id).toBe(user?.id);
  });

  it("is nobody without a cookie, with a forged or tampered one, or after signing out", async () => {
    const { token } = await signIn();
    const good = cookieHeader;
    cookieHeader = "";
    expect(await getCurrentUser()).toBeNull();
    cookieHeader = good.replace(token, token.slice(0, -1) + (token.endsWith("a") ? "b" : "a"));
    expect(await getCurrentUser()).toBeNull();
    cookieHeader = `better-auth.session_token=${token}`; // the token without its signature
    expect(await getCurrentUser()).toBeNull();
    cookieHeader = `better-auth.session_token=${encodeURIComponent(`${token}.${"A".repeat(43)}=`)}`; // a well-formed wrong one
    expect(await getCurrentUser()).toBeNull();
    // two cookies of the name (one planted from a sibling domain): the first counts, as it does for better-auth
    cookieHeader = `better-auth.session_token=${encodeURIComponent(`forged.${"B".repeat(43)}=`)}; ${good}`;
    expect(await getCurrentUser()).toBeNull();
    cookieHeader = `${good}; better-auth.session_token=${encodeURIComponent(`forged.${"B".repeat(43)}=`)}`;
    expect(await getCurrentUser()).not.toBeNull();
    cookieHeader = good;
    expect(await getCurrentUser()).not.toBeNull();
    await getAuth().api.signOut({ headers: new Headers({ cookie: good }) });
    expect(await getCurrentUser()).toBeNull();
  });

  it("is nobody once the session has expired or the account is deactivated", async () => {
    const { token } = await signIn();
    await w.db().session.update({ where: { token }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getCurrentUser()).toBeNull();
    expect(await w.db().session.count({ where: { token } })).toBe(0); // removed when seen, as getSession does
    const second = await signIn();
    expect(await getCurrentUser()).not.toBeNull();
    await w.db().user.update({ where: { id: second.userId }, data: { banned: true } });
    expect(await getCurrentUser()).toBeNull();
  });

  it("lets better-auth extend a session that is due for it", async () => {
    const { token } = await signIn();
    const { expiresIn, updateAge } = (await getAuth().$context).sessionConfig;
    // last extended just over updateAge ago
    const old = new Date(Date.now() + (expiresIn - updateAge - 60) * 1000);
    await w.db().session.update({ where: { token }, data: { expiresAt: old } });
    expect(await getCurrentUser()).not.toBeNull();
    const after = await w.db().session.findUniqueOrThrow({ where: { token } });
    expect(after.expiresAt.getTime()).toBeGreaterThan(Date.now() + (expiresIn - 120) * 1000);
  });
});
