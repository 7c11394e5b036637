"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getAuth } from "@/lib/auth/auth";
import { clearLoginFailures, loginBlockedFor, recordLoginFailure } from "@/lib/auth/throttle";
import { homeFor } from "@/lib/auth/home";
import { isRole } from "@/lib/auth/roles";

const signInSchema = z.object({
  username: z.string().trim().min(1, "请输入用户名").max(40, "用户名过长"),
  password: z.string().min(1, "请输入密码").max(128, "密码过长"),
  next: z.string().max(500).optional(),
});

export interface SignInState {
  message?: string;
  fieldErrors?: { username?: string[]; password?: string[] };
  username?: string;
}

function clientIp(h: Headers): string {
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "local";
}

/** Only same-site paths, so the sign-in page cannot be used to send people elsewhere. */
function safeNext(next: string | undefined): string | null {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : null;
}

export async function signIn(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse({
    username: formData.get("username") ?? "",
    password: formData.get("password") ?? "",
    next: formData.get("next") || undefined,
  });
  if (!parsed.success) {
    return { fieldErrors: z.flattenError(parsed.error).fieldErrors, username: String(formData.get("username") ?? "") };
  }
  const { username, password, next } = parsed.data;
  const h = await headers();
  const ip = clientIp(h);
  const blocked = await loginBlockedFor(username, ip);
  if (blocked > 0) {
    return { message: `登录失败次数过多，请${blocked}分钟后再试。`, username };
  }
  let role: string | undefined;
  try {
    const result = await getAuth().api.signInUsername({ body: { username, password }, headers: h });
    role = (result?.user as { role?: string } | undefined)?.role;
  } catch (e) {
    await recordLoginFailure(username, ip);
    const msg = e instanceof Error && e.message.includes("停用") ? e.message : "用户名或密码不正确。";
    return { message: msg, username };
  }
  await clearLoginFailures(username);
  redirect(safeNext(next) ?? homeFor(isRole(role) ? role : "CLERK"));
}

export async function signOut(formData: FormData) {
  const everywhere = formData.get("everywhere") === "1";
  const h = await headers();
  if (everywhere) await getAuth().api.revokeSessions({ headers: h });
  await getAuth().api.signOut({ headers: h });
  redirect("/login?signedOut=1");
}
