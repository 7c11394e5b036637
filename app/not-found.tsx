import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-medium text-seal">404</p>
      <h1 className="mt-2 text-2xl font-semibold">未找到该页面</h1>
      <p className="mt-4 text-slate-600">您访问的地区、机关或报告不存在，或尚未公开发布。</p>
      <div className="mt-8 flex justify-center gap-4">
        <Link href="/" className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">
          返回首页
        </Link>
        <Link href="/regions" className="rounded border border-slate-300 px-4 py-2 hover:bg-white">
          按地区浏览
        </Link>
      </div>
    </div>
  );
}
