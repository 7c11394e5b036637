"use client";

import { useActionState } from "react";
import { SECTIONS } from "@/lib/format";
import { publishAction, returnAction, startCorrectionAction, type DecisionState } from "./actions";

function Message({ state }: { state: DecisionState }) {
  if (!state || state.ok) return null;
  return (
    <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
      {state.message}
    </p>
  );
}

export function ReturnForm({ reportId, lockVersion }: { reportId: number; lockVersion: number }) {
  const [state, action, pending] = useActionState<DecisionState, FormData>(returnAction, null);
  const overallError = state && !state.ok ? state.fieldErrors?.overall : undefined;
  const typed = state?.values ?? {};
  return (
    <form key={JSON.stringify(state)} action={action} className="space-y-3" noValidate>
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="lockVersion" value={lockVersion} />
      <Message state={state} />
      <div>
        <label htmlFor="overall" className="block text-sm font-medium">
          总体意见
        </label>
        <textarea
          id="overall"
          name="overall"
          rows={3}
          maxLength={5000}
          defaultValue={typed.overall}
          aria-invalid={!!overallError}
          aria-describedby={overallError ? "overall-error" : undefined}
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
        />
        {overallError ? (
          <p id="overall-error" className="mt-1 text-sm text-red-700">
            {overallError.join("；")}
          </p>
        ) : null}
      </div>
      <details>
        <summary className="cursor-pointer text-sm text-brand-700">对各部分分别提出意见</summary>
        <div className="mt-2 space-y-2">
          {SECTIONS.map((s) => (
            <div key={s.key}>
              <label htmlFor={`comment_${s.key}`} className="block text-sm">
                {s.heading}
              </label>
              <textarea
                id={`comment_${s.key}`}
                name={`comment_${s.key}`}
                rows={2}
                maxLength={5000}
                defaultValue={typed[`comment_${s.key}`]}
                className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
              />
            </div>
          ))}
        </div>
      </details>
      <button type="submit" disabled={pending} className="rounded border border-seal px-4 py-2 text-seal hover:bg-red-50 disabled:opacity-60">
        退回修改
      </button>
    </form>
  );
}

export function PublishForm({ reportId, lockVersion, correction }: { reportId: number; lockVersion: number; correction: boolean }) {
  const [state, action, pending] = useActionState<DecisionState, FormData>(publishAction, null);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="lockVersion" value={lockVersion} />
      <Message state={state} />
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800 disabled:opacity-60">
        {correction ? "审核通过并发布更正" : "审核通过并发布"}
      </button>
    </form>
  );
}

export function CorrectionForm({ reportId }: { reportId: number }) {
  const [state, action, pending] = useActionState<DecisionState, FormData>(startCorrectionAction, null);
  const err = state && !state.ok ? state.fieldErrors?.reason : undefined;
  return (
    <form key={JSON.stringify(state)} action={action} className="space-y-2" noValidate>
      <input type="hidden" name="reportId" value={reportId} />
      <Message state={state} />
      <label htmlFor="reason" className="block text-sm font-medium">
        更正原因
      </label>
      <textarea
        id="reason"
        name="reason"
        rows={2}
        maxLength={1000}
        defaultValue={state?.values?.reason}
        aria-invalid={!!err}
        aria-describedby={err ? "reason-error" : undefined}
        className="w-full rounded border border-slate-300 px-3 py-2"
      />
      {err ? (
        <p id="reason-error" className="text-sm text-red-700">
          {err.join("；")}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="rounded border border-slate-400 px-4 py-2 hover:bg-slate-50">
        开始更正（生成新版本）
      </button>
    </form>
  );
}
