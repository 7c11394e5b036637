import "server-only";
// Account administration. Only administrators call these (the actions check canManageUsers first; so do these).
import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import { canManageUsers, type Actor } from "@/lib/auth/roles";
import { db } from "./client";

export const newUserSchema = z
  .object({
    username: z
      .string()
      .trim()
      // the characters better-auth's username sign-in accepts
      .regex(/^[a-zA-Z0-9_.]{3,40}$/, "用户名为3至40位字母、数字、下划线或点"),
    name: z.string().trim().min(1, "请填写姓名").max(60, "姓名过长"),
    role: z.enum(["CLERK", "SUPERVISOR", "ADMIN"], { message: "请选择角色" }),
    agencyId: z.string().trim().optional(),
    regionCode: z.string().trim().optional(),
    password: z.string().min(10, "密码至少10位").max(128, "密码过长"),
  })
  .superRefine((v, ctx) => {
    if (v.role === "CLERK" && !/^\d+$/.test(v.agencyId ?? "")) ctx.addIssue({ code: "custom", path: ["agencyId"], message: "填报人必须指定所属机关（机关编号）" });
    if (v.role === "SUPERVISOR" && !/^(\d{2}|\d{4}|\d{6}|\d{9})$/.test(v.regionCode ?? ""))
      ctx.addIssue({ code: "custom", path: ["regionCode"], message: "审核人必须指定负责地区（2、4、6或9位行政区划代码）" });
  });

export type UserAdminResult =
  | { ok: true; message: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string> };

const DENIED: UserAdminResult = { ok: false, message: "只有管理员可以管理账号。" };

export async function listUsers() {
  return db().user.findMany({
    orderBy: [{ role: "asc" }, { username: "asc" }],
    select: {
      id: true,
      username: true,
      name: true,
      role: true,
      banned: true,
      agency: { select: { id: true, name: true } },
      region: { select: { code: true, name: true } },
      _count: { select: { sessions: true } },
    },
  });
}

export async function createUser(actor: Actor, input: unknown): Promise<UserAdminResult> {
  if (!canManageUsers(actor)) return DENIED;
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "请按提示修改。", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const v = parsed.data;
  const agencyId = v.role === "CLERK" ? Number(v.agencyId) : null;
  const regionCode = v.role === "SUPERVISOR" ? v.regionCode! : null;
  if (agencyId !== null && !(await db().agency.findUnique({ where: { id: agencyId }, select: { id: true } }))) {
    return { ok: false, message: "请按提示修改。", fieldErrors: { agencyId: ["机关编号不存在"] } };
  }
  if (regionCode !== null && !(await db().region.findUnique({ where: { code: regionCode }, select: { code: true } }))) {
    return { ok: false, message: "请按提示修改。", fieldErrors: { regionCode: ["行政区划代码不存在"] } };
  }
  if (await db().user.findUnique({ where: { username: v.username.toLowerCase() }, select: { id: true } })) {
    return { ok: false, message: "请按提示修改。", fieldErrors: { username: ["该用户名已被使用"] } };
  }
  const id = crypto.randomUUID();
  const hash = await hashPassword(v.password);
  await db().$transaction([
    db().user.create({
      data: { id, name: v.name, email: `${v.username.toLowerCase()}@users.nianbao.invalid`, username: v.username.toLowerCase(), displayUsername: v.username, role: v.role, agencyId, regionCode },
    }),
    db().account.create({ data: { id: crypto.randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash } }),
  ]);
  return { ok: true, message: `已创建账号 ${v.username}。` };
}

export async function resetPassword(actor: Actor, userId: string, password: unknown): Promise<UserAdminResult> {
  if (!canManageUsers(actor)) return DENIED;
  const parsed = z.string().min(10, "密码至少10位").max(128, "密码过长").safeParse(password);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const hash = await hashPassword(parsed.data);
  const updated = await db().account.updateMany({ where: { userId, providerId: "credential" }, data: { password: hash } });
  if (updated.count === 0) return { ok: false, message: "账号不存在。" };
  // A reset password ends every session of the account.
  await db().session.deleteMany({ where: { userId } });
  return { ok: true, message: "密码已重置，该账号的所有登录已失效。" };
}

export async function setActive(actor: Actor, userId: string, active: boolean): Promise<UserAdminResult> {
  if (!canManageUsers(actor)) return DENIED;
  if (userId === actor.id) return { ok: false, message: "不能停用自己的账号。" };
  const updated = await db().user.updateMany({ where: { id: userId }, data: { banned: !active, banReason: active ? null : "管理员停用" } });
  if (updated.count === 0) return { ok: false, message: "账号不存在。" };
  if (!active) await db().session.deleteMany({ where: { userId } });
  return { ok: true, message: active ? "账号已启用。" : "账号已停用，其所有登录已失效。" };
}
