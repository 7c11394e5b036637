"use client";
/**
 * The clerk's entry form for one annual report: the six sections in order, narratives as plain text and the
 * official tables as editable grids laid out by the format engine. Every rule of the engine runs as the clerk
 * types; work is autosaved, backed up in the browser, and protected against concurrent edits (lockVersion).
 *
 * Decisions (see also lib/filing-client):
 * - Unreadable cell text ("12a", a unit on a count) stays in the cell, flagged with the parser's message; the
 *   cell keeps its last valid value, which is what saves send. Nothing typed or already saved is lost, and the
 *   rest of the draft saves normally. Submission is refused while such a cell remains.
 * - A section over the length limit is saved as the server's last copy of it until shortened (same idea).
 * - Paste maps a spreadsheet block positionally onto the grid, derived columns included; values landing on a
 *   total are ignored (totals are always computed). Paste and "fill blanks with 0" can be undone once.
 * - Autosave 2 s after the last change, at most 10 s after the first unsaved one; failures retry with growing
 *   delays. A conflict halts autosave until the clerk chooses a version.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import {
  RULES,
  SECTIONS,
  cellDef,
  computeDerived,
  optionalKeys,
  validate,
  type Issue,
  type SectionKey,
} from "@/lib/format";
import {
  completeSections,
  diffDrafts,
  draftPayload,
  draftReducer,
  fillableBlanks,
  initialDraft,
  isDirty,
  issueKey,
  overlongSections,
  readiness,
  selectBackup,
  type BackupOffer,
  type DraftState,
  type PastePlan,
  type ReportFormProps,
  type Sections,
} from "@/lib/filing-client";
import { CommentList } from "./CommentList";
import { ConflictDialog } from "./ConflictDialog";
import type { GridData } from "./EditableGrid";
import { focusCell, issueFocusKey, pasteNotice, placeMessages, useGridActions, useReportGrids, type PasteNotice } from "./grid-editing";
import { GridActionsContext, PREFILLED_NOTE_ID, messageDomId } from "./grid-context";
import type { ListedIssue } from "./IssueList";
import { readBackups, removeBackups, writeBackup } from "./local-backup";
import { ReadOnlyReport } from "./ReadOnlyReport";
import { SaveStatus } from "./SaveStatus";
import { SectionEditor } from "./SectionEditor";
import { SectionGrids } from "./SectionGrids";
import { SubmitPanel, type ServerBlock } from "./SubmitPanel";
import { formatDateTime } from "./time";
import { useDraftSaver, type ConflictCurrent } from "./useDraftSaver";
import { useLeaveWarning } from "./useLeaveWarning";

export type { DraftPayload, ReportFormProps, SaveResult, Sections, SubmitResult } from "@/lib/filing-client";

export function ReportForm(props: ReportFormProps) {
  if (props.readOnly) {
    return (
      <ReadOnlyReport
        version={props.version}
        title={props.title}
        cells={props.initial.cells}
        sections={completeSections(props.initial.sections)}
        comments={props.comments}
      />
    );
  }
  return <ReportEditor {...props} />;
}

const NO_COMMENTS: ReportFormProps["comments"] = [];

type Notice = PasteNotice;

function ReportEditor({ reportId, version, title, initial, prefilled, previous, comments, saveDraft, submitReport }: ReportFormProps) {
  const router = useRouter();
  const [state, dispatch] = useReducer(draftReducer, undefined, () => initialDraft(version, initial, prefilled));
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  });

  // 2019 其他主动公开文件 is a local extension: shown (and sent) only when the report already has it.
  const optionalShown = useMemo(() => optionalKeys(version).some((k) => initial.cells[k] != null), [version, initial.cells]);
  const extraKeys = useMemo(() => (optionalShown ? optionalKeys(version) : []), [optionalShown, version]);

  const grids = useReportGrids(version, optionalShown);

  // ---- live checks -------------------------------------------------------------------------------------
  const values = useMemo(() => computeDerived(version, state.cells), [version, state.cells]);
  const issues = useMemo(() => validate(version, values, previous ? { previous } : {}), [version, values, previous]);
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});

  const focusKeyOf = useCallback((issue: Pick<Issue, "primaryCell" | "cells">) => issueFocusKey(version, issue), [version]);

  const { byGrid, views } = useMemo(() => {
    const items: (ListedIssue & { cells: readonly string[] })[] = [];
    for (const [k, r] of Object.entries(state.raw)) {
      items.push({ id: messageDomId("raw", k), severity: "error", message: `“${r.text}”无法识别：${r.message}`, focusKey: k, source: "输入格式", cells: [k] });
    }
    for (const [k, msgs] of Object.entries(serverErrors)) {
      if (!cellDef(version, k)) continue;
      items.push({ id: messageDomId("srv", k), severity: "error", message: msgs.join("；"), focusKey: k, source: "服务器未接受", cells: [k] });
    }
    for (const issue of issues) {
      items.push({
        id: messageDomId("issue", issueKey(issue)),
        severity: issue.severity,
        message: issue.message,
        focusKey: focusKeyOf(issue),
        source: RULES[issue.ruleId]?.title ?? issue.ruleId,
        cells: issue.cells,
      });
    }
    return placeMessages(version, items);
  }, [issues, state.raw, serverErrors, version, focusKeyOf]);

  const gridData = useMemo<GridData>(() => ({ values, raw: state.raw, prefilled: state.prefilled, views }), [values, state.raw, state.prefilled, views]);

  // Inputs of the checklist kept stable while the clerk types a narrative, so the submit panel does not re-render.
  const overlongKey = overlongSections(state.sections).join(",");
  const overlong = useMemo(() => (overlongKey ? (overlongKey.split(",") as SectionKey[]) : []), [overlongKey]);
  const unreadableKeys = useMemo(() => Object.keys(state.raw), [state.raw]);
  const ready = useMemo(
    () => readiness(version, state.cells, issues, state.explanations, unreadableKeys, overlong),
    [version, state.cells, issues, state.explanations, unreadableKeys, overlong],
  );
  const errorCount = ready.errors.length + ready.unreadable.length;
  const warningCount = ready.warnings.length;

  // Screen readers hear the count of problems once typing pauses, not on every keystroke.
  const [announcement, setAnnouncement] = useState("");
  const lastAnnounced = useRef<string | null>(null);
  useEffect(() => {
    const text = errorCount + warningCount === 0 ? "校验通过，未发现错误或提示" : `校验结果：${errorCount} 个错误，${warningCount} 个提示`;
    if (lastAnnounced.current === null) {
      lastAnnounced.current = text;
      return;
    }
    const t = setTimeout(() => {
      if (text !== lastAnnounced.current) {
        lastAnnounced.current = text;
        setAnnouncement(text);
      }
    }, 1000);
    return () => clearTimeout(t);
  }, [errorCount, warningCount]);

  // ---- saving ------------------------------------------------------------------------------------------
  const serverSections = useRef<Sections>(completeSections(initial.sections));
  const [conflict, setConflict] = useState<ConflictCurrent | null>(null);
  const saver = useDraftSaver({
    rev: state.rev,
    dirty: isDirty(state),
    initialLockVersion: initial.lockVersion,
    initialSavedAt: initial.savedAt,
    buildPayload: (lock) => draftPayload(stateRef.current, reportId, lock, serverSections.current, extraKeys),
    save: saveDraft,
    onSaved: (rev, payload) => {
      dispatch({ type: "saved", rev });
      serverSections.current = payload.sections;
      setServerErrors({});
    },
    onConflict: (current) => setConflict(current),
    onRejected: (fieldErrors) => setServerErrors(fieldErrors),
  });
  const dirty = isDirty(state);

  // A conflict whose copy holds exactly my cells and texts (e.g. my own save from another tab) needs no choice.
  const conflictDiff = useMemo(
    () => (conflict ? diffDrafts(version, { cells: state.cells, sections: state.sections }, { cells: conflict.cells, sections: conflict.sections }) : null),
    [conflict, version, state.cells, state.sections],
  );
  useEffect(() => {
    if (conflict && conflictDiff && conflictDiff.cells.length === 0 && conflictDiff.sections.length === 0) {
      serverSections.current = completeSections(conflict.sections);
      saver.resolveConflict(conflict, true);
      setConflict(null);
    }
  }, [conflict, conflictDiff, saver]);

  const loadTheirs = () => {
    if (!conflict) return;
    const sections = completeSections(conflict.sections);
    dispatch({ type: "replace", cells: conflict.cells, sections, clean: true });
    serverSections.current = sections;
    saver.resolveConflict(conflict, false);
    setConflict(null);
    setNotice({ text: `已载入 ${conflict.savedBy} 保存的版本。`, undo: false, tone: "info" });
  };
  const keepMine = () => {
    if (!conflict) return;
    serverSections.current = completeSections(conflict.sections);
    saver.resolveConflict(conflict, true);
    setConflict(null);
  };

  // ---- never lose work: beforeunload and the local backup ------------------------------------------------
  useLeaveWarning(dirty || saver.saving || Object.keys(state.raw).length > 0);

  const [offer, setOffer] = useState<BackupOffer | null>(null);
  const [backupChecked, setBackupChecked] = useState(false);
  useEffect(() => {
    const o = selectBackup(readBackups(reportId, version), {
      lockVersion: initial.lockVersion,
      savedAt: initial.savedAt,
      cells: initial.cells,
      sections: completeSections(initial.sections),
      explanations: initial.explanations,
    });
    if (!o) removeBackups(reportId);
    setOffer(o);
    setBackupChecked(true);
    // Only the copy the page was loaded with is compared with the backups.
  }, [reportId, version]);

  const lockVersion = saver.lockVersion;
  const backupNow = useCallback(
    (s: DraftState) => {
      if (isDirty(s) || Object.keys(s.raw).length > 0) {
        writeBackup({
          reportId,
          lockVersion,
          updatedAt: new Date().toISOString(),
          cells: s.cells,
          sections: s.sections,
          explanations: { ...s.explanations },
          rawInputs: Object.fromEntries(Object.entries(s.raw).map(([k, r]) => [k, r.text])),
        });
      } else {
        removeBackups(reportId);
      }
    },
    [reportId, lockVersion],
  );
  // While a backup is on offer the stored entries are left alone until the clerk restores or discards it.
  useEffect(() => {
    if (!backupChecked || offer) return;
    const t = setTimeout(() => backupNow(state), 300);
    return () => clearTimeout(t);
  }, [state, backupChecked, offer, backupNow]);
  useEffect(() => {
    if (!backupChecked || offer) return;
    const onHide = () => backupNow(stateRef.current);
    window.addEventListener("pagehide", onHide);
    return () => window.removeEventListener("pagehide", onHide);
  }, [backupChecked, offer, backupNow]);

  const restoreBackup = () => {
    if (!offer) return;
    const b = offer.backup;
    dispatch({ type: "replace", cells: { ...state.cells, ...b.cells }, sections: b.sections, explanations: b.explanations, rawInputs: b.rawInputs, clean: false });
    setOffer(null);
    setNotice({ text: "已恢复本机保存的修改，将自动保存到服务器。", undo: false, tone: "info" });
  };
  const discardBackup = () => {
    removeBackups(reportId);
    setOffer(null);
  };
  const offerDiff = useMemo(
    () => (offer ? diffDrafts(version, { cells: offer.backup.cells, sections: offer.backup.sections }, { cells: state.cells, sections: state.sections }) : null),
    [offer, version, state.cells, state.sections],
  );

  // ---- grid actions --------------------------------------------------------------------------------------
  const [notice, setNotice] = useState<Notice | null>(null);
  const onPaste = useCallback((plan: PastePlan) => setNotice(pasteNotice(version, plan)), [version]);
  const gridActions = useGridActions(version, grids, dispatch, onPaste);

  const onSection = useCallback((key: SectionKey, text: string) => dispatch({ type: "section", key, text }), []);
  const onExplain = useCallback((key: string, text: string) => dispatch({ type: "explain", key, text }), []);

  const onFillZeros = useCallback(() => {
    const n = fillableBlanks(stateRef.current).length;
    if (n === 0) {
      setNotice({ text: "没有需要填 0 的空格。", undo: false, tone: "info" });
      return;
    }
    if (!window.confirm(`将 ${n} 个未填写的单元格全部填为 0？填写后可以撤销。`)) return;
    dispatch({ type: "fillZeros" });
    setNotice({ text: `已将 ${n} 个空格填为 0。`, undo: true, tone: "info" });
  }, []);

  // ---- submit ----------------------------------------------------------------------------------------------
  const [submitting, setSubmitting] = useState(false);
  const [serverBlock, setServerBlock] = useState<ServerBlock | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const onSubmit = async () => {
    if (!ready.ready || submitting) return;
    if (!window.confirm("提交后报告将交上级机关审核，审核期间不能修改。确定提交吗？")) return;
    setSubmitting(true);
    setServerBlock(null);
    setSubmitError(null);
    const lock = await saver.pauseForSubmit();
    if (lock === null) {
      setSubmitting(false);
      setSubmitError("当前无法提交：请先处理页面上方的保存问题。");
      return;
    }
    let result;
    try {
      result = await submitReport(draftPayload(stateRef.current, reportId, lock, serverSections.current, extraKeys));
    } catch {
      saver.resume();
      setSubmitting(false);
      setSubmitError("网络或服务器错误，提交未完成，请稍后重试。您的修改仍在本页并会自动保存。");
      return;
    }
    if (result.ok) {
      removeBackups(reportId);
      router.push(result.redirectTo);
      return;
    }
    setSubmitting(false);
    if (result.kind === "conflict") {
      // The dialog resolves it; autosave stays paused until then.
      setConflict(result.current);
      return;
    }
    if (result.kind === "blocked") {
      setServerBlock({ message: result.message, errors: result.errors, blanks: result.blanks, missingExplanations: result.missingExplanations });
    } else if (result.kind === "invalid") {
      setServerErrors(result.fieldErrors);
      setSubmitError(`提交未被接受：${result.message}`);
    } else {
      setSubmitError(result.message);
      return; // forbidden / notFound / readOnly: saving again would fail the same way
    }
    saver.resume();
  };
  const submitRef = useRef(onSubmit);
  useEffect(() => {
    submitRef.current = onSubmit;
  });
  const onSubmitClick = useCallback(() => void submitRef.current(), []);

  // ---- render ----------------------------------------------------------------------------------------------
  const commentsBy = useMemo(() => {
    const known = new Set<string>(SECTIONS.map((s) => s.key));
    const by = new Map<string | null, ReportFormProps["comments"]>();
    for (const c of comments) {
      const k = c.section !== null && known.has(c.section) ? c.section : null;
      by.set(k, [...(by.get(k) ?? []), c]);
    }
    return by;
  }, [comments]);
  const reportComments = commentsBy.get(null) ?? NO_COMMENTS;
  const formErrors = serverErrors.form ?? [];
  const halted = saver.status.kind === "conflict";
  const disabledReason = conflict
    ? "请先处理版本冲突。"
    : saver.status.kind === "stopped"
      ? `无法提交：${saver.status.message}`
      : null;

  return (
    <GridActionsContext.Provider value={gridActions}>
      <div className="space-y-8">
        <header className="space-y-2">
          <h1 className="text-2xl font-semibold leading-snug text-brand-800">{title}</h1>
          <p className="text-sm text-slate-600">
            填报格式：{version === "2021" ? "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）" : "《政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）"}
          </p>
          <details className="text-sm text-slate-700">
            <summary className="cursor-pointer text-brand-700">填报说明与键盘操作</summary>
            <ul className="mt-2 list-disc space-y-1 pl-5 leading-6">
              <li>方向键在单元格之间移动；Enter 下移，Shift+Enter 上移；Tab / Shift+Tab 左右移动；Esc 撤销本格正在进行的修改。</li>
              <li>可从 Excel、WPS 表格复制一块数据，在起始单元格粘贴，按表格位置依次填入；合计单元格自动计算，粘贴时跳过。</li>
              <li>可输入全角数字、“1,234”、“+3”“-2”（本年增/减），金额可写“5234万元”或“31989283.00元”，系统自动换算。</li>
              <li>灰底单元格为自动计算的合计，不能填写；标有“上年”的单元格由上年报告预填，请核对。</li>
              <li>修改会自动保存；断网时保存在本机浏览器中，恢复网络后自动重试。</li>
            </ul>
          </details>
        </header>

        <CommentList comments={reportComments} title="审核意见（全文）" />

        {offer && offerDiff ? (
          <div role="alert" className="space-y-2 rounded border border-amber-400 bg-amber-50 p-4 text-sm">
            <p className="font-medium text-amber-900">
              本机浏览器中保存有 {formatDateTime(offer.backup.updatedAt)} 尚未保存到服务器的修改（{offerDiff.cells.length + offerDiff.sections.length + Object.keys(offer.backup.rawInputs).length} 处不同）。
            </p>
            {offer.stale ? <p className="text-amber-900">这些修改基于较早的版本，此后服务器上的报告已被修改；恢复后保存将覆盖服务器上较新的内容。</p> : null}
            <div className="flex flex-wrap gap-3">
              <button type="button" onClick={restoreBackup} className="rounded bg-brand-700 px-3 py-1.5 text-white hover:bg-brand-800">
                恢复这些修改
              </button>
              <button type="button" onClick={discardBackup} className="rounded border border-slate-400 bg-white px-3 py-1.5 hover:bg-slate-50">
                丢弃
              </button>
            </div>
          </div>
        ) : null}

        {formErrors.length > 0 ? (
          <p role="alert" className="rounded border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
            {formErrors.join("；")}
          </p>
        ) : null}

        <div className="sticky top-0 z-30 -mx-4 border-b border-slate-200 bg-white/95 px-4 py-2 shadow-sm backdrop-blur">
          <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
            <SaveStatus
              status={saver.status}
              dirty={dirty}
              savedAt={saver.savedAt}
              unreadable={ready.unreadable.length}
              overlong={ready.overlongSections.length}
              onSaveNow={saver.saveNow}
              disabled={halted || submitting}
            />
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <a href="#submit-panel" className="rounded px-1 text-slate-700 underline-offset-2 hover:underline">
                <span className={errorCount > 0 ? "text-red-700" : ""}>错误 {errorCount}</span> ·{" "}
                <span className={warningCount > 0 ? "text-amber-800" : ""}>提示 {warningCount}</span> · 空格 {ready.blankCount}
              </a>
              <button type="button" onClick={onFillZeros} className="rounded border border-slate-400 bg-white px-3 py-1.5 hover:bg-slate-50">
                剩余空格填 0
              </button>
            </div>
          </div>
          {notice ? (
            <div role="status" className={`mt-2 flex flex-wrap items-center gap-3 rounded px-3 py-1.5 text-sm ${notice.tone === "warn" ? "bg-amber-50 text-amber-900" : "bg-brand-50 text-brand-800"}`}>
              <span className="min-w-0 flex-1">{notice.text}</span>
              {notice.undo && state.undo ? (
                <button
                  type="button"
                  onClick={() => {
                    dispatch({ type: "undo" });
                    setNotice({ text: "已撤销。", undo: false, tone: "info" });
                  }}
                  className="rounded border border-current px-2 py-0.5"
                >
                  撤销
                </button>
              ) : null}
              <button type="button" onClick={() => setNotice(null)} className="px-1" aria-label="关闭提示">
                ×
              </button>
            </div>
          ) : null}
        </div>

        {SECTIONS.map((s) => (
          <section key={s.key} aria-labelledby={`sec-${s.key}`} className="min-w-0 space-y-4">
            <h2 id={`sec-${s.key}`} className="border-l-4 border-brand-600 pl-3 text-lg font-semibold text-brand-800">
              {s.heading}
            </h2>
            <CommentList comments={commentsBy.get(s.key) ?? NO_COMMENTS} title="审核意见" />
            <SectionEditor
              sectionKey={s.key}
              label={s.hasTables ? "文字说明" : "正文"}
              value={state.sections[s.key]}
              optional={s.hasTables}
              serverErrors={serverErrors[s.key]}
              onChange={onSection}
            />
            <SectionGrids sectionKey={s.key} version={version} grids={grids} data={gridData} issues={byGrid} />
          </section>
        ))}

        <SubmitPanel
          version={version}
          readiness={ready}
          raw={state.raw}
          explanations={state.explanations}
          onExplain={onExplain}
          onFocusCell={focusCell}
          focusKeyOf={focusKeyOf}
          onFillZeros={onFillZeros}
          onSubmit={onSubmitClick}
          submitting={submitting}
          disabledReason={disabledReason}
          serverBlock={serverBlock}
          submitError={submitError}
        />

        <p id={PREFILLED_NOTE_ID} hidden>
          由上年报告预填，请核对
        </p>
        <div aria-live="polite" role="status" className="sr-only">
          {announcement}
        </div>

        {conflict && conflictDiff && conflictDiff.cells.length + conflictDiff.sections.length > 0 ? (
          <ConflictDialog version={version} diff={conflictDiff} theirs={conflict} busy={false} onLoadTheirs={loadTheirs} onKeepMine={keepMine} />
        ) : null}
      </div>
    </GridActionsContext.Provider>
  );
}
