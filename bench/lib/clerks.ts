// Filing-season clerks for bench/filing-season.ts: accounts of agencies that have not started the filing year's
// report, sessions minted the way better-auth stores them (a session row, and the cookie `token.signature` with
// HMAC-SHA256 under BETTER_AUTH_SECRET, as better-call's signCookieValue writes it — sign-in itself is throttled per
// address, lib/auth/throttle.ts, so 200 sign-ins from one address would be refused), and each clerk's work: the
// cells and text typed save by save, ending in a complete report that passes every rule.
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import {
  SECTION_KEYS,
  computeDerived,
  formatForYear,
  issueKey,
  leafKeys,
  validate,
  type CellMap,
  type FormatVersion,
  type SectionKey,
} from "../../lib/format";
import { Rng } from "../../lib/demo/prng";
import { generateYear, initialState, makeProfile, stateAfter } from "../../lib/demo/series";

export const CLERK_PREFIX = "bench-clerk-";
/** better-auth's cookie name over http (https adds the __Secure- prefix) */
export const SESSION_COOKIE = "better-auth.session_token";

export interface Clerk {
  userId: string;
  username: string;
  agencyId: number;
  agencyKind: string;
  regionCode: string;
  cookie: string;
}

/** The cookie value better-call's signCookieValue produces: encodeURIComponent(`${token}.${base64 HMAC-SHA256}`). */
export function signedSessionCookie(token: string, secret: string): string {
  const signature = createHmac("sha256", secret).update(token).digest("base64");
  return `${SESSION_COOKIE}=${encodeURIComponent(`${token}.${signature}`)}`;
}

/**
 * Removes what an earlier run left (the benchmark clerks' reports of every year, their sessions and accounts), then
 * makes `count` clerks, each of a different agency (departments, townships, street offices) with last year's report
 * published and nothing yet for `year`, and a session valid for 12 hours.
 */
export async function prepareClerks(url: string, count: number, year: number, secret: string): Promise<Clerk[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `DELETE FROM "Report" r USING "AuditEvent" e, "user" u
       WHERE e."reportId" = r.id AND e.action = 'CREATED' AND u.id = e."actorId" AND u.username LIKE $1`,
      [`${CLERK_PREFIX}%`],
    );
    await client.query(`DELETE FROM "user" WHERE username LIKE $1`, [`${CLERK_PREFIX}%`]); // sessions cascade
    const agencies = (
      await client.query<{ id: number; kind: string; regionCode: string }>(
        `SELECT a.id, a.kind::text AS kind, a."regionCode" FROM "Agency" a
         WHERE a.kind IN ('DEPARTMENT', 'TOWNSHIP', 'SUBDISTRICT')
           AND EXISTS (SELECT 1 FROM "Report" p WHERE p."agencyId" = a.id AND p.year = $1 - 1 AND p."formatVersion" = $3
                       AND p."publishedRevisionId" IS NOT NULL)
           AND NOT EXISTS (SELECT 1 FROM "Report" r WHERE r."agencyId" = a.id AND r.year = $1)
         ORDER BY md5(a.id::text) LIMIT $2`,
        [year, count, formatForYear(year)],
      )
    ).rows;
    if (agencies.length < count) {
      throw new Error(`only ${agencies.length} agencies have last year's report published and none for ${year}: fill a larger database (--reports)`);
    }
    const clerks: Clerk[] = [];
    for (const [i, a] of agencies.entries()) {
      const userId = randomUUID();
      const username = `${CLERK_PREFIX}${String(i + 1).padStart(3, "0")}`;
      // better-auth's session tokens are 32 random alphanumerics
      const token = randomBytes(24).toString("base64url").replace(/[-_]/g, "x").slice(0, 32);
      await client.query(
        `INSERT INTO "user"(id, name, email, "emailVerified", username, "displayUsername", role, banned, "agencyId", "createdAt", "updatedAt")
         VALUES ($1, $2, $3, true, $4, $4, 'CLERK', false, $5, now(), now())`,
        [userId, `基准填报人${i + 1}`, `${username}@bench.invalid`, username, a.id],
      );
      await client.query(
        `INSERT INTO session(id, "expiresAt", token, "createdAt", "updatedAt", "ipAddress", "userAgent", "userId")
         VALUES ($1, now() + interval '12 hours', $2, now(), now(), '127.0.0.1', 'nianbao-bench', $3)`,
        [randomUUID(), token, userId],
      );
      clerks.push({ userId, username, agencyId: a.id, agencyKind: a.kind, regionCode: a.regionCode, cookie: signedSessionCookie(token, secret) });
    }
    await client.query("COMMIT");
    return clerks;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}

export type Sections = Record<SectionKey, string>;

export interface Draft {
  reportId: number;
  version: FormatVersion;
  lockVersion: number;
  cells: CellMap;
  sections: Sections;
}

export interface Work {
  /** each save's whole draft (cells, sections, explanations), as the form sends it; the last one is submitted */
  steps: { cells: CellMap; sections: Sections; explanations: Record<string, string> }[];
}

/** The working copy of a report and last year's published report, read straight from the database. */
export async function loadDraftAndPrevious(
  client: pg.Client,
  reportId: number,
): Promise<{ draft: Draft; previous: { formatVersion: FormatVersion; cells: CellMap; sections: Sections } }> {
  const rev = (
    await client.query(
      `SELECT v.id, v."lockVersion", r."formatVersion", r."agencyId", r.year, ${SECTION_KEYS.map((k) => `v."${k}"`).join(", ")}
       FROM "Report" r JOIN "ReportRevision" v ON v."reportId" = r.id WHERE r.id = $1 ORDER BY v.number DESC LIMIT 1`,
      [reportId],
    )
  ).rows[0];
  const prev = (
    await client.query(
      `SELECT p."formatVersion", v.id, ${SECTION_KEYS.map((k) => `v."${k}"`).join(", ")}
       FROM "Report" p JOIN "ReportRevision" v ON v.id = p."publishedRevisionId" WHERE p."agencyId" = $1 AND p.year = $2`,
      [rev.agencyId, rev.year - 1],
    )
  ).rows[0];
  const cellsOf = async (revisionId: number) => {
    const out: CellMap = {};
    for (const r of (await client.query<{ key: string; value: string | null }>(`SELECT key, value::text FROM "Cell" WHERE "revisionId" = $1`, [revisionId])).rows) {
      out[r.key] = r.value === null ? null : Number(r.value);
    }
    return out;
  };
  const sectionsOf = (row: Record<string, string>) => Object.fromEntries(SECTION_KEYS.map((k) => [k, row[k] ?? ""])) as Sections;
  return {
    draft: { reportId, version: rev.formatVersion, lockVersion: rev.lockVersion, cells: await cellsOf(rev.id), sections: sectionsOf(rev) },
    previous: { formatVersion: prev.formatVersion, cells: await cellsOf(prev.id), sections: sectionsOf(prev) },
  };
}

const levelOf = (code: string): 1 | 2 | 3 | 4 => (code.length <= 2 ? 1 : code.length <= 4 ? 2 : code.length <= 6 ? 3 : 4);

/**
 * What one clerk types over `saves` saves: the year's figures (lib/demo's series, continuing last year's report so
 * that every rule passes) entered a part at a time in a random order, last year's text rewritten section by section,
 * and an explanation for every soft warning. Every step changes at least one cell, so each save leaves its own
 * entry in the audit trail; the last step is the complete report that is submitted.
 */
export function clerkWork(
  clerk: Clerk,
  draft: Draft,
  previous: { formatVersion: FormatVersion; cells: CellMap; sections: Sections },
  year: number,
  saves: number,
): Work {
  const v = draft.version;
  const rng = new Rng(clerk.agencyId * 2654435761 + year);
  const profile = makeProfile(rng.fork("profile"), clerk.agencyKind, levelOf(clerk.regionCode), undefined, previous);
  const state = stateAfter(previous.formatVersion, previous.cells, initialState(rng.fork("state"), profile));
  const final = generateYear(rng.fork("year"), year, profile, state).cells;
  const leaves = leafKeys(v);
  const full = computeDerived(v, final);
  const issues = validate(v, full, { previous: { formatVersion: previous.formatVersion, cells: previous.cells } });
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length) throw new Error(`generated report of agency ${clerk.agencyId} fails ${errors.map((e) => e.ruleId).join(", ")}`);
  const explanations = Object.fromEntries(
    issues.filter((i) => i.severity === "warning").map((i) => [issueKey(i), "本年度机构职能调整，相关数据与上年相比变化较大，已核实无误。"]),
  );

  // cells still to type: the ones whose value differs from the draft's (pre-filled carry-over stays as it is)
  const todo = rng.shuffle(leaves.filter((k) => (draft.cells[k] ?? null) !== (final[k] ?? null)));
  const steps: Work["steps"] = [];
  const cells: CellMap = Object.fromEntries(leaves.map((k) => [k, draft.cells[k] ?? null]));
  const sections: Sections = { ...draft.sections };
  const rewritten = previous.sections;
  for (let s = 0; s < saves + 1; s++) {
    const from = Math.floor((todo.length * s) / (saves + 1));
    const to = Math.floor((todo.length * (s + 1)) / (saves + 1));
    for (const k of todo.slice(from, to)) cells[k] = final[k] ?? null;
    if (from === to) {
      // nothing left to fill: a correction of a typed figure, as clerks make while checking
      const k = leaves[rng.int(0, leaves.length - 1)]!;
      cells[k] = (cells[k] ?? 0) + 1;
    }
    const key = SECTION_KEYS[s % SECTION_KEYS.length]!;
    sections[key] = (rewritten[key] || "本年度工作情况。").replaceAll(`${year - 1}年`, `${year}年`);
    steps.push({ cells: { ...cells }, sections: { ...sections }, explanations: s === saves ? explanations : {} });
  }
  // the submitted step carries the exact figures (undo a correction made in a step with nothing left to fill)
  const last = steps[steps.length - 1]!;
  for (const k of leaves) last.cells[k] = final[k] ?? null;
  for (const k of SECTION_KEYS) last.sections[k] = (rewritten[k] || "本年度工作情况。").replaceAll(`${year - 1}年`, `${year}年`);
  return { steps };
}
