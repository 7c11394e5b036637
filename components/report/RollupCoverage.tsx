import Link from "next/link";

interface Props {
  included: { agencyId: number; agencyName: string; reportId: number }[];
  missing: { agencyId: number; agencyName: string }[];
  /** the public page links each missing agency to its page; the supervisor's page lists names only */
  linkMissing?: boolean;
  otherFormatCount?: number;
}

/** The two lists under a roll-up: whose published reports were summed and who has not published yet. */
export function RollupCoverage({ included, missing, linkMissing = false, otherFormatCount = 0 }: Props) {
  const list = "mt-2 max-h-72 overflow-y-auto text-sm print:max-h-none print:overflow-visible";
  return (
    <section className="grid gap-4 md:grid-cols-2">
      <div>
        <h2 className="font-semibold">已纳入汇总（{included.length}）</h2>
        <ul className={list}>
          {included.map((a) => (
            <li key={a.reportId}>
              <Link className="text-brand-700 hover:underline" href={`/reports/${a.reportId}`}>
                {a.agencyName}
              </Link>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h2 className="font-semibold">尚未发布（{missing.length}）</h2>
        <ul className={list}>
          {missing.map((a) => (
            <li key={a.agencyId}>
              {linkMissing ? (
                <Link className="text-brand-700 hover:underline" href={`/agencies/${a.agencyId}`}>
                  {a.agencyName}
                </Link>
              ) : (
                a.agencyName
              )}
            </li>
          ))}
        </ul>
        {otherFormatCount > 0 ? <p className="mt-2 text-sm text-slate-600">另有 {otherFormatCount} 份报告使用另一种表格格式，未计入。</p> : null}
      </div>
    </section>
  );
}
