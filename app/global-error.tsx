"use client";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: "sans-serif", padding: "4rem", textAlign: "center" }}>
        <h1>页面暂时无法显示</h1>
        <p>服务器处理请求时出现问题，请稍后重试。</p>
        <button type="button" onClick={reset}>
          重试
        </button>
      </body>
    </html>
  );
}
