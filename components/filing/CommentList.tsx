// The supervisor's comments from a return, shown where they apply.
import { memo } from "react";
import type { ReportComment } from "@/lib/filing-client";
import { formatDateTime } from "./time";

export const CommentList = memo(function CommentList({ comments, title }: { comments: readonly ReportComment[]; title: string }) {
  if (comments.length === 0) return null;
  return (
    <aside aria-label={title} className="rounded border-l-4 border-amber-500 bg-amber-50 px-4 py-3 text-sm">
      <p className="font-semibold text-amber-900">{title}</p>
      <ul className="mt-2 space-y-3">
        {comments.map((c, i) => (
          <li key={i}>
            <p className="whitespace-pre-wrap leading-6 text-slate-800">{c.body}</p>
            <p className="mt-1 text-xs text-slate-600">
              {c.author} · {formatDateTime(c.createdAt)}
            </p>
          </li>
        ))}
      </ul>
    </aside>
  );
});
