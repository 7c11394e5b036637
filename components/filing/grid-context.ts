"use client";
// Callbacks the grid cells share. They are stable for the form's lifetime, so memoised cells re-render only when
// their own value or marks change, not on every keystroke elsewhere.
import { createContext, useContext } from "react";
import type { NavMove } from "@/lib/filing-client";

export interface GridActions {
  /** a cell's text changed (final: blur/Enter/Escape); returns the committed value and any unreadable text */
  commit(key: string, text: string, fallback: number | null, final: boolean): { value: number | null; raw: string | null };
  /** moves focus for a key press; false when the key should keep its default behaviour */
  navigate(key: string, move: NavMove): boolean;
  /** a block pasted into the cell `key` */
  pasteBlock(key: string, text: string): void;
}

export const GridActionsContext = createContext<GridActions | null>(null);

export function useGridActions(): GridActions {
  const a = useContext(GridActionsContext);
  if (!a) throw new Error("GridActionsContext missing");
  return a;
}

/** DOM id of a cell's input (leaf) or table cell (derived), for focusing it from messages. */
export const cellDomId = (key: string) => `cell-${key}`;

/** DOM id of a listed message, for aria-describedby; keys hold dots and colons, kept readable. */
export const messageDomId = (prefix: string, key: string) => `${prefix}-${key.replace(/[^A-Za-z0-9_-]/g, "_")}`;

export const PREFILLED_NOTE_ID = "filing-prefilled-note";
