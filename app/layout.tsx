import type { Metadata, Viewport } from "next";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "政府信息公开工作年度报告平台", template: "%s · 政府信息公开工作年度报告平台" },
  description: "汇集各级行政机关政府信息公开工作年度报告，按官方格式展示，支持比较与下载。",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-3 focus:py-2">
          跳到正文
        </a>
        <header className="site-header border-b-4 border-seal bg-brand-800 text-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
            <Link href="/" className="flex items-baseline gap-2 text-lg font-semibold tracking-wide">
              <span aria-hidden className="inline-block h-3 w-3 rounded-full bg-seal" />
              政府信息公开工作年度报告平台
            </Link>
            <nav aria-label="主导航" className="flex flex-wrap gap-4 text-sm">
              <Link className="hover:underline" href="/regions">
                按地区浏览
              </Link>
              <Link className="hover:underline" href="/search">
                搜索
              </Link>
              <Link className="hover:underline" href="/data">开放数据</Link>
              <Link className="hover:underline" href="/login">
                机关登录
              </Link>
            </nav>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
        <footer className="site-footer mt-12 border-t border-slate-200 bg-white">
          <div className="mx-auto max-w-6xl px-4 py-6 text-xs leading-6 text-slate-500">
            <p>依据《中华人民共和国政府信息公开条例》（国务院令第711号）第四十九条、第五十条公开。</p>
            <p>表格格式：2019—2020年度适用《政府信息公开工作年度报告格式（试行）》；2021年度起适用国办公开办函〔2021〕30号格式。</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
