"use client";
// One value cell of a grid. The text being typed lives here, so a keystroke re-renders this cell only; the form
// gets each readable value as it is typed (totals and checks follow live) and the final text on blur/Enter.
import { memo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react";
import { formatCellValue, type CellDef } from "@/lib/format";
import { isBlockPaste, type NavMove } from "@/lib/filing-client";
import { PREFILLED_NOTE_ID, cellDomId, useGridActions } from "./grid-context";

export type CellMark = "error" | "warning" | undefined;

interface Props {
  def: CellDef;
  label: string;
  value: number | null;
  /** unreadable text the clerk typed, shown instead of the value */
  raw: string | undefined;
  rawMessage: string | undefined;
  mark: CellMark;
  /** ids of the messages about this cell */
  describedBy: string | undefined;
  prefilled: boolean;
  colSpan?: number;
}

export const CellInput = memo(function CellInput({ def, label, value, raw, rawMessage, mark, describedBy, prefilled, colSpan }: Props) {
  const actions = useGridActions();
  const [draft, setDraft] = useState<string | null>(null);
  // The text and value when editing started: Escape returns to them, and an unreadable text keeps that value.
  const origin = useRef<{ text: string; value: number | null } | null>(null);
  const justFocused = useRef(false);
  const shown = draft ?? raw ?? formatCellValue(def, value);
  const key = def.key;

  const ensureOrigin = () => {
    origin.current ??= { text: raw ?? formatCellValue(def, value), value };
    return origin.current;
  };

  const commitInPlace = (el: HTMLInputElement) => {
    const o = ensureOrigin();
    if (draft !== null) {
      const r = actions.commit(key, draft, o.value, true);
      origin.current = { text: r.raw ?? formatCellValue(def, r.value), value: r.value };
    }
    setDraft(null);
    requestAnimationFrame(() => el.select());
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    const el = e.currentTarget;
    const start = el.selectionStart ?? 0;
    const end = el.selectionEnd ?? 0;
    const all = start === 0 && end === el.value.length;
    let move: NavMove | null = null;
    switch (e.key) {
      case "ArrowUp":
        move = "up";
        break;
      case "ArrowDown":
        move = "down";
        break;
      case "ArrowLeft":
        if ((start === 0 && end === 0) || all) move = "left";
        break;
      case "ArrowRight":
        if ((start === el.value.length && end === el.value.length) || all) move = "right";
        break;
      case "Enter":
        move = e.shiftKey ? "shiftEnter" : "enter";
        break;
      case "Tab":
        move = e.shiftKey ? "shiftTab" : "tab";
        break;
      case "Home":
        if (e.ctrlKey || e.metaKey) move = "first";
        break;
      case "End":
        if (e.ctrlKey || e.metaKey) move = "last";
        break;
      case "Escape": {
        const o = origin.current;
        if (o && (draft !== null || shown !== o.text)) {
          e.preventDefault();
          actions.commit(key, o.text, o.value, true);
          setDraft(null);
          requestAnimationFrame(() => el.select());
        }
        return;
      }
    }
    if (!move) return;
    if (actions.navigate(key, move)) {
      e.preventDefault();
    } else if (move === "enter" || move === "shiftEnter") {
      e.preventDefault();
      commitInPlace(el);
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData("text/plain");
    if (!isBlockPaste(text)) return;
    e.preventDefault();
    setDraft(null);
    origin.current = null;
    actions.pasteBlock(key, text);
  };

  const tone =
    mark === "error"
      ? "bg-red-50 shadow-[inset_0_0_0_2px_#dc2626]"
      : mark === "warning"
        ? "bg-amber-50 shadow-[inset_0_0_0_2px_#d97706]"
        : prefilled
          ? "bg-sky-50"
          : "bg-white";
  const described = [describedBy, prefilled ? PREFILLED_NOTE_ID : undefined].filter(Boolean).join(" ") || undefined;

  return (
    <td className={`relative p-0! ${tone}`} colSpan={colSpan} data-cell={key}>
      <input
        id={cellDomId(key)}
        type="text"
        inputMode={def.type === "signedInt" ? "text" : "decimal"}
        autoComplete="off"
        spellCheck={false}
        aria-label={label}
        aria-invalid={mark === "error" || raw !== undefined || undefined}
        aria-describedby={described}
        value={shown}
        onFocus={(e) => {
          ensureOrigin();
          justFocused.current = true;
          e.currentTarget.select();
        }}
        // A click that focuses the cell selects it whole, as in a spreadsheet; the next click places the caret.
        onMouseUp={(e) => {
          if (justFocused.current) e.preventDefault();
          justFocused.current = false;
        }}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          actions.commit(key, text, ensureOrigin().value, false);
        }}
        onBlur={() => {
          if (draft !== null) actions.commit(key, draft, ensureOrigin().value, true);
          setDraft(null);
          origin.current = null;
          justFocused.current = false;
        }}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        className={`peer block h-10 w-full min-w-[4.75rem] scroll-my-24 bg-transparent px-2 text-right tabular-nums outline-offset-[-3px] ${
          raw !== undefined ? "font-medium text-red-700" : ""
        }`}
      />
      {prefilled ? (
        <span aria-hidden className="pointer-events-none absolute left-0.5 top-0.5 rounded bg-sky-200 px-0.5 text-[10px] leading-3 text-sky-900">
          上年
        </span>
      ) : null}
      {raw !== undefined ? (
        <>
          <span aria-hidden className="pointer-events-none absolute right-0.5 top-0.5 text-[10px] font-bold leading-3 text-red-700">
            !
          </span>
          <span
            aria-hidden
            className="pointer-events-none absolute left-0 top-full z-20 hidden w-max max-w-[16rem] rounded bg-red-700 px-2 py-1 text-left text-xs text-white shadow peer-focus:block"
          >
            {rawMessage}
          </span>
        </>
      ) : null}
    </td>
  );
});
