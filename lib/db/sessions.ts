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
 * user, expired sessions ignored), in one plain statement. `expiresIn` and `updateAge` are better-auth's session
 * settings in seconds, to tell whether better-auth would extend the session.
 */
export async function findSessionUser(token: string, expiresIn: number, updateAge: number): Promise<SessionUser | null> {
  const [row] = await sql().query<SessionUser>(
    `SELECT u.id, u.name, u.username, u.role, u."agencyId", u."regionCode", u.banned,
            s."expiresAt" - make_interval(secs => $2) + make_interval(secs => $3) <= now() AT TIME ZONE 'UTC' AS "needsRefresh"
     FROM "session" s JOIN "user" u ON u.id = s."userId"
     WHERE s.token = $1 AND s."expiresAt" >= now() AT TIME ZONE 'UTC'`,
    [token, expiresIn, updateAge],
  );
  return row ?? null;
}
