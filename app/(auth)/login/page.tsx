import type { Metadata } from "next";
import { LoginForm } from "./LoginForm";

export const metadata: Metadata = { title: "机关登录" };

type Props = { searchParams: Promise<{ next?: string | string[]; signedOut?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const sp = await searchParams;
  const next = typeof sp.next === "string" ? sp.next : undefined;
  return (
    <div className="mx-auto max-w-sm py-10">
      <h1 className="text-2xl font-semibold text-brand-800">机关工作人员登录</h1>
      <p className="mt-2 text-sm text-slate-600">供填报人、审核人和管理员使用。账号由平台管理员分配，不开放注册。</p>
      {sp.signedOut ? (
        <p role="status" className="mt-4 rounded bg-slate-100 px-3 py-2 text-sm">
          您已退出登录。
        </p>
      ) : null}
      <div className="mt-6 rounded-lg bg-white p-6 ring-1 ring-slate-200">
        <LoginForm next={next} />
      </div>
    </div>
  );
}
