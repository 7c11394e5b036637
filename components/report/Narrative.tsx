// Narrative text is stored as plain text; paragraphs are its lines. Rendered as text nodes, never as HTML.
export function Narrative({ text, emptyText = "（无）" }: { text: string; emptyText?: string }) {
  const paragraphs = text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) return <p className="text-slate-500">{emptyText}</p>;
  return (
    <div className="space-y-3 leading-8 text-slate-800">
      {paragraphs.map((p, i) => (
        <p key={i} className="indent-8">
          {p}
        </p>
      ))}
    </div>
  );
}
