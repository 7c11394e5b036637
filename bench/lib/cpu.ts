// Where the CPU went during a run: user+system seconds of process trees (the app instances, the database, nginx),
// read from /proc, and how busy the whole machine was (other work on it included). On a two-core machine shared by
// the load generator, the proxy, the app and the database, this is what limits the figures.
import fs from "node:fs";

const TICKS = 100; // USER_HZ on Linux

function stat(pid: number): { ppid: number; ticks: number } | null {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // the command name is in parentheses and may hold spaces: fields start after the last ')'
    const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) };
  } catch {
    return null;
  }
}

/** The processes under (and including) the roots. */
function tree(roots: number[]): number[] {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(Number(name));
    if (s) children.set(s.ppid, [...(children.get(s.ppid) ?? []), Number(name)]);
  }
  const out: number[] = [];
  const todo = roots.filter((p) => p > 0);
  while (todo.length) {
    const p = todo.pop()!;
    out.push(p);
    todo.push(...(children.get(p) ?? []));
  }
  return out;
}

/** Machine-wide busy and total jiffies (all cores) from /proc/stat. */
function machine(): { busy: number; total: number } {
  const cpu = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = cpu[3]! + (cpu[4] ?? 0);
  const total = cpu.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

export type Groups = Record<string, () => number[]>;

export interface CpuUse {
  /** CPU seconds per group over the interval */
  seconds: Record<string, number>;
  /** share of all cores busy over the interval, whoever used them */
  machineBusy: number;
  wallSeconds: number;
}

/**
 * Starts measuring; call the returned function at the end. Each group is a function giving its root process ids; a
 * process belongs to the first group (in the object's order) whose tree holds it — nginx runs as a child of
 * scripts/cluster.ts, so list it before the instances.
 */
export function cpuMeter(groups: Groups): () => CpuUse {
  const snap = () => {
    const per: Record<string, Map<number, number>> = {};
    const claimed = new Set<number>();
    for (const [name, roots] of Object.entries(groups)) {
      const pids = tree(roots()).filter((p) => !claimed.has(p));
      for (const p of pids) claimed.add(p);
      per[name] = new Map(pids.map((p) => [p, stat(p)?.ticks ?? 0]));
    }
    return per;
  };
  const before = snap();
  const m0 = machine();
  const t0 = performance.now();
  return () => {
    const after = snap();
    const m1 = machine();
    const seconds: Record<string, number> = {};
    for (const name of Object.keys(groups)) {
      let ticks = 0;
      // a process that started meanwhile counts from zero; one that ended meanwhile is lost (none should)
      for (const [pid, t] of after[name]!) ticks += t - (before[name]!.get(pid) ?? 0);
      seconds[name] = ticks / TICKS;
    }
    return { seconds, machineBusy: (m1.busy - m0.busy) / Math.max(1, m1.total - m0.total), wallSeconds: (performance.now() - t0) / 1000 };
  };
}

/** "instances 12.1 s (41%), database 3.2 s (11%), …; machine 97% busy" — shares are of all cores over the interval. */
export function describeCpu(u: CpuUse, cores: number): string {
  const all = u.wallSeconds * cores;
  const parts = Object.entries(u.seconds).map(([k, s]) => `${k} ${s.toFixed(1)} s (${((s / all) * 100).toFixed(0)}%)`);
  return `${parts.join(", ")} of ${all.toFixed(0)} core-seconds; machine ${(u.machineBusy * 100).toFixed(0)}% busy (everything on it)`;
}
