// The "server" of lib/db/crash-safety.test.ts: the portal's own server-side code paths — startReport, saveDraft and
// submitReport (lib/db/reports.ts, what the clerk's server actions call) and returnReport / publishReport
// (lib/db/review.ts, the supervisor's) — run by several lanes at once against DATABASE_URL until the test kills the
// process. Each lane is one agency working through its reports one operation at a time; every operation is logged
// to stdout as a JSON line before it starts ("begin") and after it returned ("ok"), so the test knows which
// operations were acknowledged (committed) and which were in flight when the process died.
//   CRASH_CONFIG='{"lanes":[{"agencyId":1,"clerk":{…}}],"supervisor":{…}}' \
//   node --conditions=react-server --import tsx test/crash-worker.ts
import { formatForYear, leafKeys, type CellMap } from "@/lib/format";
import type { Actor } from "@/lib/auth/roles";
import { saveDraft, startReport, submitReport } from "@/lib/db/reports";
import { publishReport, returnReport } from "@/lib/db/review";
import { db } from "@/lib/db/client";

export interface CrashConfig {
  lanes: { agencyId: number; clerk: Actor }[];
  supervisor: Actor;
  years: number[];
}

export type LogLine =
  | { pid: number }
  | { lane: number; seq: number; phase: "begin" | "ok"; op: "start"; year: number; reportId?: number }
  | { lane: number; seq: number; phase: "begin" | "ok"; op: "save"; reportId: number; value: number; lockVersion?: number }
  | { lane: number; seq: number; phase: "begin" | "ok"; op: "submit" | "return" | "publish"; reportId: number };

const config = JSON.parse(process.env.CRASH_CONFIG ?? "{}") as CrashConfig;
let seq = 0;
const log = (line: LogLine) => process.stdout.write(`${JSON.stringify(line)}\n`);

/**
 * A lane's log: an operation's "ok" goes out in the same write as the lane's next "begin" (one write of under
 * PIPE_BUF bytes to a pipe is atomic), so a SIGKILL can never land between them and leave a lane looking idle. An
 * "ok" held back is only an acknowledgement the test learns later or not at all, which it treats as in flight.
 */
function laneLog() {
  let heldOk = "";
  return {
    begin(line: LogLine) {
      process.stdout.write(`${heldOk}${JSON.stringify(line)}\n`);
      heldOk = "";
    },
    ok(line: LogLine) {
      heldOk = `${JSON.stringify(line)}\n`;
    },
    flush() {
      if (heldOk) process.stdout.write(heldOk);
      heldOk = "";
    },
  };
}

/** Every leaf cell the same number: a save that landed only partly would show two numbers in one revision. */
function uniform(year: number, value: number): CellMap {
  return Object.fromEntries(leafKeys(formatForYear(year)).map((k) => [k, value]));
}

const sections = (marker: string) => ({ s1_overall: marker, s2_active: "", s3_requests: "", s4_reviewLitigation: "", s5_problems: "", s6_other: "" });

async function lane(n: number, agencyId: number, clerk: Actor) {
  const out = laneLog();
  let value = 0;
  for (const year of config.years) {
    let s = ++seq;
    out.begin({ lane: n, seq: s, phase: "begin", op: "start", year });
    const started = await startReport(clerk, agencyId, year);
    if (!started.ok || !started.created) throw new Error(`lane ${n}: start ${year}: ${JSON.stringify(started)}`);
    const reportId = started.reportId;
    out.ok({ lane: n, seq: s, phase: "ok", op: "start", year, reportId });
    let lockVersion = 0;
    for (let round = 0; ; round++) {
      for (let i = 0; i < 3; i++) {
        value++;
        s = ++seq;
        out.begin({ lane: n, seq: s, phase: "begin", op: "save", reportId, value });
        const saved = await saveDraft(clerk, { reportId, lockVersion, cells: uniform(year, value), sections: sections(`第${value}次保存`), explanations: {} });
        if (!saved.ok) throw new Error(`lane ${n}: save: ${JSON.stringify(saved)}`);
        lockVersion = saved.lockVersion;
        out.ok({ lane: n, seq: s, phase: "ok", op: "save", reportId, value, lockVersion });
      }
      s = ++seq;
      out.begin({ lane: n, seq: s, phase: "begin", op: "submit", reportId });
      const submitted = await submitReport(clerk, { reportId, lockVersion, cells: uniform(year, 0), sections: sections("提交"), explanations: {} });
      if (!submitted.ok) throw new Error(`lane ${n}: submit: ${JSON.stringify(submitted)}`);
      lockVersion += 2; // the save, then the state change
      out.ok({ lane: n, seq: s, phase: "ok", op: "submit", reportId });

      const publish = round >= 1 || (agencyId + year) % 2 === 0;
      s = ++seq;
      out.begin({ lane: n, seq: s, phase: "begin", op: publish ? "publish" : "return", reportId });
      const decided = publish
        ? await publishReport(config.supervisor, reportId, lockVersion)
        : await returnReport(config.supervisor, reportId, lockVersion, { overall: `第${round + 1}轮：请核对数据。`, sections: {} });
      if (!decided.ok) throw new Error(`lane ${n}: ${publish ? "publish" : "return"}: ${JSON.stringify(decided)}`);
      lockVersion++;
      out.ok({ lane: n, seq: s, phase: "ok", op: publish ? "publish" : "return", reportId });
      if (publish) break;
    }
  }
  out.flush();
}

async function main() {
  log({ pid: process.pid });
  await db().$connect();
  await Promise.all(config.lanes.map((l, n) => lane(n, l.agencyId, l.clerk)));
  // ran out of work before being killed: the test asks for more years than a run can finish
  process.stderr.write("crash-worker: all lanes finished\n");
  await db().$disconnect();
}

main().catch((e) => {
  process.stderr.write(`crash-worker: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
