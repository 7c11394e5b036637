import { segmentsForDisplay, type NarrativeComparison } from "@/lib/review/narrative";

/** A section's similarity to last year's, with the repeated passages marked. */
export function RepeatedText({ comparison, text }: { comparison: NarrativeComparison; text: string }) {
  const pct = Math.round(comparison.similarity * 100);
  if (pct === 0) return <p className="text-xs text-slate-500">与上年同一部分无明显重复。</p>;
  return (
    <details className={`rounded border px-3 py-2 text-sm ${pct >= 60 ? "border-amber-400 bg-amber-50" : "border-slate-200 bg-white"}`}>
      <summary className="cursor-pointer">
        与上年同一部分文字重复 <strong>{pct}%</strong>（展开查看重复段落，已用底色标出）
      </summary>
      <p className="mt-2 whitespace-pre-wrap leading-7">
        {segmentsForDisplay(text, comparison.repeated).map((s, i) =>
          s.repeated ? (
            <mark key={i} className="bg-amber-200">
              {s.text}
            </mark>
          ) : (
            <span key={i}>{s.text}</span>
          ),
        )}
      </p>
    </details>
  );
}
