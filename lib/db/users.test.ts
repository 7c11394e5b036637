import { describe, it, expect, beforeAll } from "vitest";
import { makeWorld, uniqueSuffix } from "@/test/db-fixtures";
import { createUser, resetPassword, setActive } from "./users";

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
beforeAll(async () => {
  w = await makeWorld();
}, 60_000);

const form = (over: Record<string, string> = {}) => ({ username: `u${uniqueSuffix()}`, name: "新用户", role: "CLERK", agencyId: String(w.dept.id), password: "long-enough-password", ...over });

describe("account administration", () => {
  it("is refused to clerks and supervisors, storing nothing", async () => {
    for (const actor of [w.clerk, w.supervisor]) {
      const f = form();
      expect(await createUser(actor, f)).toMatchObject({ ok: false, message: "只有管理员可以管理账号。" });
      expect(await w.db().user.count({ where: { username: f.username.toLowerCase() } })).toBe(0);
      expect(await resetPassword(actor, w.clerk.id, "another-long-password")).toMatchObject({ ok: false });
      expect(await setActive(actor, w.clerk.id, false)).toMatchObject({ ok: false });
    }
    expect((await w.db().user.findUniqueOrThrow({ where: { id: w.clerk.id } })).banned).not.toBe(true);
  });

  it("checks role, scope and password with messages per field", async () => {
    const r = await createUser(w.admin, form({ role: "SUPERVISOR", agencyId: "", regionCode: "12345", password: "short" }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual(["password", "regionCode"]);
    const missingAgency = await createUser(w.admin, form({ agencyId: "999999999" }));
    expect(missingAgency).toMatchObject({ ok: false, fieldErrors: { agencyId: ["机关编号不存在"] } });
  });

  it("creates, deactivates (ending every session) and reactivates an account", async () => {
    const f = form();
    expect(await createUser(w.admin, f)).toMatchObject({ ok: true });
    const user = await w.db().user.findUniqueOrThrow({ where: { username: f.username.toLowerCase() } });
    expect(user).toMatchObject({ role: "CLERK", agencyId: w.dept.id });
    expect(await createUser(w.admin, f)).toMatchObject({ ok: false, fieldErrors: { username: ["该用户名已被使用"] } });
    await w.db().session.create({ data: { id: `s${uniqueSuffix()}`, token: `t${uniqueSuffix()}`, userId: user.id, expiresAt: new Date(Date.now() + 3600_000) } });
    expect(await setActive(w.admin, user.id, false)).toMatchObject({ ok: true });
    expect(await w.db().session.count({ where: { userId: user.id } })).toBe(0);
    expect((await w.db().user.findUniqueOrThrow({ where: { id: user.id } })).banned).toBe(true);
    expect(await setActive(w.admin, w.admin.id, false)).toMatchObject({ ok: false });
    expect(await setActive(w.admin, user.id, true)).toMatchObject({ ok: true });
  });
});
