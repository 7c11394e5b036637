import { formatDateTime } from "@/lib/dates";

const ACTIONS: Record<string, string> = {
  CREATED: "创建",
  SAVED: "保存",
  SUBMITTED: "提交审核",
  RETURNED: "退回修改",
  PUBLISHED: "发布",
  CORRECTION_STARTED: "开始更正",
  IMPORTED: "导入",
};

type Event = { id: number; at: Date; action: string; detail: unknown; revision: { number: number } | null; actor: { name: string } | null };

function describe(e: Event): string {
  const d = (e.detail ?? {}) as { cells?: Record<string, unknown>; sections?: string[]; reason?: string; round?: number };
  const parts: string[] = [];
  if (d.cells && Object.keys(d.cells).length) parts.push(`修改 ${Object.keys(d.cells).length} 个单元格`);
  if (d.sections?.length) parts.push(`修改 ${d.sections.length} 个部分的文字`);
  if (d.reason) parts.push(`原因：${d.reason}`);
  if (d.round) parts.push(`第${d.round}轮`);
  return parts.join("，");
}

export function AuditTrail({ events }: { events: Event[] }) {
  return (
    <section aria-labelledby="audit" className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
      <h2 id="audit" className="font-semibold">
        操作记录
      </h2>
      <ol className="mt-2 space-y-1 text-sm">
        {events.map((e) => (
          <li key={e.id}>
            <time className="text-slate-500">{formatDateTime(e.at)}</time> · {e.actor?.name ?? "系统"} · {ACTIONS[e.action] ?? e.action}
            {e.revision ? `（第${e.revision.number}版）` : ""}
            {describe(e) ? ` · ${describe(e)}` : ""}
          </li>
        ))}
      </ol>
    </section>
  );
}
