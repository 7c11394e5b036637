"use client";
// Autosave: one save at a time, each sending the whole draft with the lockVersion it started from. Timing is in
// lib/filing-client/autosave.ts (2 s after the last change, at most 10 s after the first unsaved one; growing
// retries after a failure). A conflict, or a refusal that retrying cannot fix, halts autosave until resolved.
import { useEffect, useRef, useState } from "react";
import { retryDelay, saveDelay, type DraftPayload, type SaveResult } from "@/lib/filing-client";

export type ConflictCurrent = Extract<SaveResult, { kind: "conflict" }>["current"];

export type SaverStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "failed"; message: string }
  | { kind: "rejected"; message: string }
  | { kind: "conflict"; message: string }
  | { kind: "stopped"; message: string };

type Halt = null | "conflict" | "stopped" | "rejected" | "submitting";

export interface SaverOptions {
  rev: number;
  dirty: boolean;
  initialLockVersion: number;
  initialSavedAt: string | null;
  buildPayload: (lockVersion: number) => DraftPayload;
  save: (p: DraftPayload) => Promise<SaveResult>;
  onSaved: (rev: number, payload: DraftPayload) => void;
  onConflict: (current: ConflictCurrent) => void;
  onRejected: (fieldErrors: Record<string, string[]>, message: string) => void;
}

export interface DraftSaver {
  status: SaverStatus;
  lockVersion: number;
  savedAt: string | null;
  saving: boolean;
  saveNow(): void;
  /** after a conflict: continue from the server's version, saving mine over it at once or not */
  resolveConflict(current: { lockVersion: number; savedAt: string }, saveMine: boolean): void;
  /** stops autosave and waits for a save in flight; the lockVersion to submit with, or null if halted meanwhile */
  pauseForSubmit(): Promise<number | null>;
  resume(): void;
}

export function useDraftSaver(opts: SaverOptions): DraftSaver {
  const [status, setStatus] = useState<SaverStatus>({ kind: opts.initialSavedAt ? "saved" : "idle" });
  const [lockVersion, setLockVersion] = useState(opts.initialLockVersion);
  const [savedAt, setSavedAt] = useState(opts.initialSavedAt);
  const [saving, setSaving] = useState(false);
  const latest = useRef(opts);
  useEffect(() => {
    latest.current = opts;
  });
  const engine = useRef<Engine | null>(null);
  engine.current ??= new Engine(latest, opts, { setStatus, setLockVersion, setSavedAt, setSaving });
  const e = engine.current;

  useEffect(() => {
    e.changed(opts.rev, opts.dirty);
  }, [e, opts.rev, opts.dirty]);
  useEffect(() => {
    // Strict Mode mounts effects twice: the engine must come back after a dispose.
    e.start();
    return () => e.dispose();
  }, [e]);

  return {
    status,
    lockVersion,
    savedAt,
    saving,
    saveNow: e.saveNow,
    resolveConflict: e.resolveConflict,
    pauseForSubmit: e.pauseForSubmit,
    resume: e.resume,
  };
}

interface Setters {
  setStatus(s: SaverStatus): void;
  setLockVersion(v: number): void;
  setSavedAt(v: string | null): void;
  setSaving(v: boolean): void;
}

/** The saver's mutable state, outside React so timers and awaits always see the current values. */
class Engine {
  private lock: number;
  private halt: Halt = null;
  private inFlight: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempts = 0;
  private lastChangeAt = 0;
  private firstUnsavedAt: number | null = null;
  private pendingNow = false;
  private rev: number;
  private savedRev: number;
  private disposed = false;

  constructor(
    private readonly opts: { current: SaverOptions },
    initial: SaverOptions,
    private readonly ui: Setters,
  ) {
    this.lock = initial.initialLockVersion;
    this.rev = initial.rev;
    this.savedRev = initial.dirty ? -1 : initial.rev;
  }

  private dirty() {
    return this.rev !== this.savedRev;
  }

  private clearTimer() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule() {
    this.clearTimer();
    if (this.disposed || this.halt || this.inFlight || !this.dirty()) return;
    const now = Date.now();
    const delay =
      this.attempts > 0
        ? retryDelay(this.attempts)
        : saveDelay({ now, lastChangeAt: this.lastChangeAt, firstUnsavedAt: this.firstUnsavedAt ?? now });
    this.timer = setTimeout(() => void this.run(), delay);
  }

  changed(rev: number, dirty: boolean) {
    this.rev = rev;
    if (!dirty) {
      this.savedRev = rev;
      this.firstUnsavedAt = null;
      this.clearTimer();
      return;
    }
    const now = Date.now();
    this.lastChangeAt = now;
    this.firstUnsavedAt ??= now;
    this.attempts = 0;
    // A change may fix what the server refused.
    if (this.halt === "rejected") this.halt = null;
    this.schedule();
  }

  private async run(): Promise<void> {
    this.clearTimer();
    if (this.disposed || this.halt || this.inFlight) return;
    const sentRev = this.rev;
    const payload = this.opts.current.buildPayload(this.lock);
    this.ui.setSaving(true);
    this.ui.setStatus({ kind: "saving" });
    let done!: () => void;
    this.inFlight = new Promise<void>((r) => (done = r));
    let result: SaveResult | null = null;
    let thrown = "";
    try {
      result = await this.opts.current.save(payload);
    } catch (err) {
      thrown = err instanceof Error && err.message ? err.message : "";
    }
    this.inFlight = null;
    this.ui.setSaving(false);
    done();
    if (this.disposed) return;

    if (!result) {
      this.attempts++;
      this.ui.setStatus({ kind: "failed", message: thrown ? `网络或服务器错误（${thrown}）` : "网络或服务器错误" });
      if (this.halt !== "submitting") this.timer = setTimeout(() => void this.run(), retryDelay(this.attempts));
      return;
    }
    if (result.ok) {
      this.attempts = 0;
      this.lock = result.lockVersion;
      this.ui.setLockVersion(result.lockVersion);
      this.ui.setSavedAt(result.savedAt);
      this.savedRev = sentRev;
      this.opts.current.onSaved(sentRev, payload);
      this.ui.setStatus({ kind: "saved" });
      this.firstUnsavedAt = this.dirty() ? Date.now() : null;
      const now = this.pendingNow && this.dirty();
      this.pendingNow = false;
      if (now) void this.run();
      else this.schedule();
      return;
    }
    this.pendingNow = false;
    if (result.kind === "conflict") {
      this.halt = "conflict";
      this.ui.setStatus({ kind: "conflict", message: result.message });
      this.opts.current.onConflict(result.current);
    } else if (result.kind === "invalid") {
      this.halt = "rejected";
      this.ui.setStatus({ kind: "rejected", message: result.message });
      this.opts.current.onRejected(result.fieldErrors, result.message);
    } else {
      this.halt = "stopped";
      this.ui.setStatus({ kind: "stopped", message: result.message });
    }
  }

  /** The save button. After a refusal ("stopped": e.g. the session expired and the clerk signed in again
   *  elsewhere) it tries again; only a pending conflict or a submit in progress hold it back. */
  saveNow = () => {
    if (this.halt === "conflict" || this.halt === "submitting") return;
    this.halt = null;
    this.attempts = 0;
    if (this.inFlight) {
      this.pendingNow = true;
      return;
    }
    if (this.dirty()) void this.run();
    else this.ui.setStatus({ kind: "saved" });
  };

  resolveConflict = (current: { lockVersion: number; savedAt: string }, saveMine: boolean) => {
    this.lock = current.lockVersion;
    this.ui.setLockVersion(current.lockVersion);
    this.halt = null;
    this.attempts = 0;
    if (saveMine) {
      // Mine differs from theirs even if nothing changed since my last save: send it now.
      this.savedRev = -1;
      void this.run();
    } else {
      this.ui.setSavedAt(current.savedAt);
      this.ui.setStatus({ kind: "saved" });
    }
  };

  pauseForSubmit = async (): Promise<number | null> => {
    if (this.halt === "conflict" || this.halt === "stopped") return null;
    this.halt = "submitting";
    this.clearTimer();
    while (this.inFlight) await this.inFlight;
    // A save that finished meanwhile may have hit a conflict, which replaced the halt.
    return this.halt === "submitting" ? this.lock : null;
  };

  resume = () => {
    if (this.halt === "submitting") this.halt = null;
    this.schedule();
  };

  start() {
    this.disposed = false;
    this.schedule();
  }

  dispose() {
    this.disposed = true;
    this.clearTimer();
  }
}
