import { REQUEST_COLUMNS } from "@/lib/compare";

interface Props {
  /** the current choice: a request column key or "all" */
  column: string;
  /** other search params the GET form must carry along (e.g. the report ids of the side-by-side view) */
  keep?: Record<string, string>;
}

/** Which applicant column of the requests table to show; a plain GET form so the choice lives in the URL. */
export function RequestColumnPicker({ column, keep = {} }: Props) {
  return (
    <form method="get" className="no-print mt-2 flex flex-wrap items-end gap-2 text-sm">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor="col" className="text-slate-700">
        申请情况表显示的申请人类别
      </label>
      <select id="col" name="col" defaultValue={column} className="rounded border border-slate-300 px-2 py-1">
        {REQUEST_COLUMNS.map((c) => (
          <option key={c.key} value={c.key}>
            {c.label}
          </option>
        ))}
        <option value="all">全部类别（逐项）</option>
      </select>
      <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white hover:bg-brand-800">
        显示
      </button>
    </form>
  );
}
