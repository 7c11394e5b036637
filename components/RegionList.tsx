import Link from "next/link";

export function RegionList({
  regions,
  className = "",
}: {
  regions: { code: string; name: string; agencies: number; published: number }[];
  className?: string;
}) {
  return (
    <ul className={`grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4 ${className}`}>
      {regions.map((r) => (
        <li key={r.code}>
          <Link
            href={`/regions/${r.code}`}
            className={`block rounded border bg-white px-3 py-2 hover:border-brand-600 hover:bg-brand-50 ${r.agencies > 0 ? "border-slate-300" : "border-slate-200 text-slate-500"}`}
          >
            <span className="font-medium">{r.name}</span>
            <span className="block text-xs text-slate-500">
              {r.agencies > 0 ? `${r.agencies} 个机关 · ${r.published} 份报告` : "暂无收录"}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
