/**
 * When the form saves by itself. A save waits for a pause in typing (debounce) so that a clerk filling a column
 * does not send a request per keystroke, but never longer than maxWait after the first unsaved change, so a
 * clerk typing without pause still has everything on the server within ~10 s. Failed saves are retried with a
 * growing delay (the network or server may be down for a while) until the next edit or a manual save.
 */
export interface SaveTiming {
  debounceMs: number;
  maxWaitMs: number;
  retryMs: readonly number[];
}

export const SAVE_TIMING: SaveTiming = { debounceMs: 2_000, maxWaitMs: 10_000, retryMs: [3_000, 10_000, 30_000, 60_000] };

/** Milliseconds from `now` until the next autosave of unsaved changes (0 = now). */
export function saveDelay(
  state: { now: number; lastChangeAt: number; firstUnsavedAt: number },
  timing: SaveTiming = SAVE_TIMING,
): number {
  const due = Math.min(state.lastChangeAt + timing.debounceMs, state.firstUnsavedAt + timing.maxWaitMs);
  return Math.max(0, due - state.now);
}

/** Delay before retry number `attempt` (1 = first retry) of a failed save. */
export function retryDelay(attempt: number, timing: SaveTiming = SAVE_TIMING): number {
  const list = timing.retryMs;
  return list[Math.min(Math.max(attempt, 1), list.length) - 1] ?? 60_000;
}
