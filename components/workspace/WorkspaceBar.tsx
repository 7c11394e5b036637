import Link from "next/link";
import { signOut } from "@/app/(auth)/login/actions";
import { ROLE_LABELS, type RoleName } from "@/lib/auth/roles";

export function WorkspaceBar({ name, role, scopeLabel }: { name: string; role: RoleName; scopeLabel: string }) {
  return (
    <div className="no-print mb-6 flex flex-wrap items-center justify-between gap-3 rounded-lg bg-white px-4 py-3 text-sm ring-1 ring-slate-200">
      <div>
        <span className="font-medium">{name}</span>
        <span className="ml-2 rounded bg-brand-100 px-2 py-0.5 text-xs text-brand-800">{ROLE_LABELS[role]}</span>
        <span className="ml-2 text-slate-500">{scopeLabel}</span>
      </div>
      <div className="flex items-center gap-3">
        {role === "CLERK" ? <Link href="/filing" className="text-brand-700 hover:underline">我的报告</Link> : null}
        {role !== "CLERK" ? <Link href="/review" className="text-brand-700 hover:underline">审核</Link> : null}
        {role === "ADMIN" ? <Link href="/admin/users" className="text-brand-700 hover:underline">账号管理</Link> : null}
        <form action={signOut}>
          <button type="submit" className="text-slate-600 hover:underline">退出登录</button>
        </form>
        <form action={signOut}>
          <input type="hidden" name="everywhere" value="1" />
          <button type="submit" className="text-slate-600 hover:underline" title="退出本账号在所有设备上的登录">
            在所有设备退出
          </button>
        </form>
      </div>
    </div>
  );
}
