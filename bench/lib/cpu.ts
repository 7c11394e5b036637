// Where the CPU went during a run: user+system seconds of process trees (the app instances, the database, nginx),
// read from /proc, and how busy the whole machine was (other work on it included). On a two-core machine shared by
// the load generator, the proxy, the app and the database, this is what limits the figures.
import fs from "node:fs";

const TICKS = 100; // USER_HZ on Linux

/**
 * A process's own CPU ticks plus those of its children that ended and were waited for. Summed over a tree at two
 * moments, the difference counts the work of processes that started or ended in between too (a pool's database
 * connections come and go): an ended child's whole time moves into its parent's count.
 */
function stat(pid: number): { ppid: number; ticks: number } | null {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // the command name is in parentheses and may hold spaces: fields start after the last ')'
    const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) };
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
    const sum = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    for (const name of Object.keys(groups)) seconds[name] = (sum(after[name]!) - sum(before[name]!)) / TICKS;
    return { seconds, machineBusy: (m1.busy - m0.busy) / Math.max(1, m1.total - m0.total), wallSeconds: (performance.now() - t0) / 1000 };
  };
}

/** CPU seconds of this process's children that have ended and been waited for (wrk, once it has exited). */
export function endedChildrenSeconds(): number {
  const s = fs.readFileSync("/proc/self/stat", "utf8");
  const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
  return (Number(f[13]) + Number(f[14])) / TICKS;
}

/**
 * "instances 12.1 s (41%), database 3.2 s (11%), …, other work on the machine 20.0 s (30%) of 66 core-seconds" —
 * shares are of all cores over the interval; "other work" is what the machine was busy with besides the groups.
 */
export function describeCpu(u: CpuUse, cores: number): string {
  const all = u.wallSeconds * cores;
  const share = (s: number) => `${s.toFixed(1)} s (${((s / all) * 100).toFixed(0)}%)`;
  const parts = Object.entries(u.seconds).map(([k, s]) => `${k} ${share(s)}`);
  const others = Math.max(0, u.machineBusy * all - Object.values(u.seconds).reduce((a, b) => a + b, 0));
  return `${parts.join(", ")}, other work on the machine ${share(others)} of ${all.toFixed(0)} core-seconds`;
}
