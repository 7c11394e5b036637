// Calling a server action over HTTP exactly as the browser's router does (next/dist/client/components/router-reducer/
// reducers/server-action-reducer.js): POST to the page's URL with the action's id in `Next-Action`, the arguments as
// React's encodeReply text, the router state tree, and the response read as React Flight rows. No bench-only route in
// the app: this is the form's own path.
import fs from "node:fs";
import path from "node:path";

/** The action's id in a build: server-reference-manifest.json names each action's file and export. */
export function actionId(buildDir: string, file: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(buildDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const hit = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === exportedName);
  if (!hit) throw new Error(`server action ${exportedName} of ${file} is not in ${buildDir}'s server-reference-manifest.json`);
  return hit[0];
}

/**
 * encodeReply of plain JSON arguments: JSON, except that a string starting with "$" is escaped as "$$" (React's
 * reference marker); objects, arrays, numbers, booleans and null pass as they are.
 */
export function encodeArgs(args: unknown[]): string {
  return JSON.stringify(args, (_k, v: unknown) => (typeof v === "string" && v.startsWith("$") ? "$" + v : v));
}

/**
 * The rows of a React Flight response: `<hex id>:<json>\n`, or `<hex id>:T<hex byte length>,<text>` (text rows carry
 * no newline and may contain any). Returns each JSON row by id; other row types (modules, hints) are skipped.
 */
export function flightRows(body: Buffer): Map<number, unknown> {
  const rows = new Map<number, unknown>();
  let i = 0;
  while (i < body.length) {
    const colon = body.indexOf(0x3a, i);
    if (colon < 0) break;
    const id = parseInt(body.toString("latin1", i, colon), 16);
    const tag = body[colon + 1];
    if (tag === 0x54 /* T */) {
      const comma = body.indexOf(0x2c, colon + 2);
      const len = parseInt(body.toString("latin1", colon + 2, comma), 16);
      i = comma + 1 + len;
      continue;
    }
    const end = body.indexOf(0x0a, colon + 1);
    const line = body.toString("utf8", colon + 1, end < 0 ? body.length : end);
    i = end < 0 ? body.length : end + 1;
    if (line.startsWith("{") || line.startsWith("[") || line.startsWith('"')) {
      try {
        rows.set(id, JSON.parse(line));
      } catch {
        // a row in a format this reader does not need
      }
    }
  }
  return rows;
}

/** The action's return value: row 0 is `{ a: "$@<id>", … }`, the value is row <id>. */
export function actionResult(body: Buffer): unknown {
  const rows = flightRows(body);
  const head = rows.get(0) as { a?: unknown } | undefined;
  if (!head || typeof head.a !== "string") throw new Error(`not a server action response: ${body.toString("utf8", 0, 200)}`);
  const ref = /^\$@([0-9a-f]+)$/.exec(head.a);
  return ref ? rows.get(parseInt(ref[1]!, 16)) : head.a;
}

/**
 * The router state tree Chromium sent with a save from the filing form of report `reportId`
 * (app/(filing)/filing/reports/[id]), recorded from a real browser session with this build.
 */
export function filingReportTree(reportId: number): string {
  const seg = (name: unknown, child: unknown, flag = 0) => [name, child, null, null, flag];
  const tree = seg(
    "",
    { children: seg("(filing)", { children: seg("filing", { children: seg("reports", { children: seg(["id", String(reportId), "d", null], { children: seg("__PAGE__", {}) }) }) }) }) },
    16,
  );
  return encodeURIComponent(JSON.stringify(tree));
}

export interface ActionCall {
  /** origin the requests go to (nginx) */
  base: string;
  /** the page the form is on, e.g. /filing/reports/12 */
  pagePath: string;
  actionId: string;
  cookie: string;
  routerTree: string;
  args: unknown[];
  timeoutMs?: number;
}

export interface ActionResponse {
  status: number;
  ms: number;
  result: unknown;
  /** when the response was not an action result (an error page, a proxy error) */
  error?: string;
}

export async function callAction(c: ActionCall): Promise<ActionResponse> {
  const started = performance.now();
  try {
    const res = await fetch(c.base + c.pagePath, {
      method: "POST",
      headers: {
        Accept: "text/x-component",
        "Next-Action": c.actionId,
        "Next-Router-State-Tree": c.routerTree,
        "Content-Type": "text/plain;charset=UTF-8",
        Origin: c.base,
        Cookie: c.cookie,
      },
      body: encodeArgs(c.args),
      signal: AbortSignal.timeout(c.timeoutMs ?? 30_000),
    });
    const body = Buffer.from(await res.arrayBuffer());
    const ms = performance.now() - started;
    if (res.status !== 200 || !(res.headers.get("content-type") ?? "").startsWith("text/x-component")) {
      return { status: res.status, ms, result: undefined, error: `HTTP ${res.status} ${body.toString("utf8", 0, 160).replace(/\s+/g, " ")}` };
    }
    return { status: res.status, ms, result: actionResult(body) };
  } catch (e) {
    return { status: 0, ms: performance.now() - started, result: undefined, error: (e as Error).message };
  }
}
