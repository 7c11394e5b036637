"use client";

import { useActionState, useState } from "react";
import type { UserAdminResult } from "@/lib/db/users";
import { createUserAction, resetPasswordAction } from "./actions";

function Field({ id, label, error, children }: { id: string; label: string; error?: string[]; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error.join("；")}
        </p>
      ) : null}
    </div>
  );
}

const input = "mt-1 w-full rounded border border-slate-300 px-3 py-2";

export function CreateUserForm() {
  const [state, action, pending] = useActionState<UserAdminResult | null, FormData>(createUserAction, null);
  const [role, setRole] = useState("CLERK");
  // React resets a form after its action; a form keyed by each result re-mounts with what was typed as defaults.
  const fe = state && !state.ok ? state.fieldErrors ?? {} : {};
  const typed = state && !state.ok ? state.values ?? {} : {};
  const aria = (k: string) => ({ "aria-invalid": !!fe[k], "aria-describedby": fe[k] ? `new-${k}-error` : undefined });
  return (
    <form key={JSON.stringify(state)} action={action} className="grid gap-4 sm:grid-cols-2" noValidate>
      {state ? (
        <p role={state.ok ? "status" : "alert"} className={`sm:col-span-2 rounded px-3 py-2 text-sm ${state.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}>
          {state.message}
        </p>
      ) : null}
      <Field id="new-username" label="用户名" error={fe.username}>
        <input id="new-username" name="username" required defaultValue={typed.username} className={input} {...aria("username")} />
      </Field>
      <Field id="new-name" label="姓名" error={fe.name}>
        <input id="new-name" name="name" required defaultValue={typed.name} className={input} {...aria("name")} />
      </Field>
      <Field id="new-role" label="角色" error={fe.role}>
        <select id="new-role" name="role" value={role} onChange={(e) => setRole(e.target.value)} className={input}>
          <option value="CLERK">填报人（一个机关）</option>
          <option value="SUPERVISOR">审核人（一个地区及其下级）</option>
          <option value="ADMIN">管理员</option>
        </select>
      </Field>
      {role === "CLERK" ? (
        <Field id="new-agencyId" label="所属机关编号" error={fe.agencyId}>
          <input id="new-agencyId" name="agencyId" inputMode="numeric" defaultValue={typed.agencyId} className={input} {...aria("agencyId")} />
        </Field>
      ) : null}
      {role === "SUPERVISOR" ? (
        <Field id="new-regionCode" label="负责地区（行政区划代码）" error={fe.regionCode}>
          <input id="new-regionCode" name="regionCode" inputMode="numeric" defaultValue={typed.regionCode} className={input} {...aria("regionCode")} />
        </Field>
      ) : null}
      <Field id="new-password" label="初始密码（至少10位）" error={fe.password}>
        <input id="new-password" name="password" type="password" autoComplete="new-password" className={input} {...aria("password")} />
      </Field>
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800 disabled:opacity-60">
          创建账号
        </button>
      </div>
    </form>
  );
}

export function ResetPasswordForm({ userId, username }: { userId: string; username: string }) {
  const [state, action, pending] = useActionState<UserAdminResult | null, FormData>(resetPasswordAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={`pw-${userId}`} className="sr-only">
        {username}的新密码
      </label>
      <input id={`pw-${userId}`} name="password" type="password" autoComplete="new-password" placeholder="新密码" className="w-32 rounded border border-slate-300 px-2 py-1" />
      <button type="submit" disabled={pending} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50">
        重置密码
      </button>
      {state ? <span role={state.ok ? "status" : "alert"} className={state.ok ? "text-green-700" : "text-red-700"}>{state.message}</span> : null}
    </form>
  );
}
