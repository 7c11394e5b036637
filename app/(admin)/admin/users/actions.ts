"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { createUser, resetPassword, setActive, type UserAdminResult } from "@/lib/db/users";

const SIGNED_OUT: UserAdminResult = { ok: false, message: "请先登录。" };

export async function createUserAction(_prev: UserAdminResult | null, formData: FormData): Promise<UserAdminResult> {
  const actor = await getCurrentUser();
  if (!actor) return SIGNED_OUT;
  const input = Object.fromEntries(formData);
  const result = await createUser(actor, input);
  if (result.ok) {
    revalidatePath("/admin/users");
    return result;
  }
  // Give the form back what was typed (never the password), so a correction does not mean retyping everything.
  const { password: _password, ...rest } = input;
  return { ...result, values: Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, String(v)])) };
}

export async function resetPasswordAction(_prev: UserAdminResult | null, formData: FormData): Promise<UserAdminResult> {
  const actor = await getCurrentUser();
  if (!actor) return SIGNED_OUT;
  return resetPassword(actor, String(formData.get("userId") ?? ""), formData.get("password"));
}

export async function setActiveAction(formData: FormData): Promise<void> {
  const actor = await getCurrentUser();
  if (!actor) return;
  await setActive(actor, String(formData.get("userId") ?? ""), formData.get("active") === "1");
  revalidatePath("/admin/users");
}
