"use client";

import Link from "next/link";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-2xl font-semibold">页面暂时无法显示</h1>
      <p className="mt-4 text-slate-600">服务器处理请求时出现问题，请稍后重试。若问题持续存在，请联系平台管理员。</p>
      <div className="mt-8 flex justify-center gap-4">
        <button type="button" onClick={reset} className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">
          重试
        </button>
        <Link href="/" className="rounded border border-slate-300 px-4 py-2 hover:bg-white">
          返回首页
        </Link>
      </div>
    </div>
  );
}
