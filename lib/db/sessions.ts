import "server-only";
import { sql } from "./sql";

export interface SessionUser {
  id: string;
  name: string;
  username: string | null;
  role: string;
  agencyId: number | null;
  regionCode: string | null;
  banned: boolean | null;
  /** better-auth would extend this session now (it was last extended more than updateAge ago) */
  needsRefresh: boolean;
}

/**
 * The user of an unexpired session, by its token: the read better-auth's getSession makes (session joined with its
 * user), in one plain statement. `expiresIn` and `updateAge` are better-auth's session settings in seconds, to tell
 * whether better-auth would extend the session. An expired session is deleted when seen, as getSession does.
 */
export async function findSessionUser(token: string, expiresIn: number, updateAge: number): Promise<SessionUser | null> {
  const [row] = await sql().query<SessionUser & { expired: boolean }>(
    `SELECT u.id, u.name, u.username, u.role, u."agencyId", u."regionCode", u.banned,
            s."expiresAt" < now() AT TIME ZONE 'UTC' AS expired,
            s."expiresAt" - make_interval(secs => $2) + make_interval(secs => $3) <= now() AT TIME ZONE 'UTC' AS "needsRefresh"
     FROM "session" s JOIN "user" u ON u.id = s."userId"
     WHERE s.token = $1`,
    [token, expiresIn, updateAge],
  );
  if (!row) return null;
  if (row.expired) {
    await sql().query(`DELETE FROM "session" WHERE token = $1`, [token]);
    return null;
  }
  const { expired: _expired, ...user } = row;
  return user;
}
