// What was and was not found in a file that cannot be imported, so the user knows why (and that nothing was stored).
import { importFindings } from "@/lib/import/preview";
import type { ImportResult } from "@/lib/import/types";

export function ImportFindings({ result, compact = false }: { result: ImportResult; compact?: boolean }) {
  const { found, missing } = importFindings(result);
  if (compact) {
    return (
      <span className="block text-xs text-slate-600">
        {found.length > 0 ? `读出：${found.join("，")}。` : "什么也没有读出。"}
        {missing.length > 0 ? `未找到：${missing.join("，")}。` : ""}
      </span>
    );
  }
  return (
    <dl className="mt-2 space-y-1 text-sm">
      <div>
        <dt className="inline font-medium">读出的内容：</dt>
        <dd className="inline">{found.length > 0 ? found.join("，") : "无"}</dd>
      </div>
      <div>
        <dt className="inline font-medium">未找到：</dt>
        <dd className="inline">{missing.length > 0 ? missing.join("，") : "无"}</dd>
      </div>
    </dl>
  );
}
