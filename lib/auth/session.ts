import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { findSessionUser } from "@/lib/db/sessions";
import { getAuth } from "./auth";
import { readCookie } from "./cookie-header";
import { isRole, type Actor } from "./roles";
import { verifySignedValue } from "./signed-cookie";

export interface CurrentUser extends Actor {
  name: string;
  username: string | null;
}

interface RawUser {
  id: string;
  name: string;
  username?: string | null;
  role?: string | null;
  agencyId?: number | null;
  regionCode?: string | null;
  banned?: boolean | null;
}

function toCurrentUser(u: RawUser): CurrentUser | null {
  if (!isRole(u.role) || u.banned) return null;
  return {
    id: u.id,
    name: u.name,
    username: u.username ?? null,
    role: u.role,
    agencyId: u.agencyId ?? null,
    regionCode: u.regionCode ?? null,
    banned: false,
  };
}

/**
 * The signed-in user, read from the session cookie and checked against the database on every call (so signing out,
 * deactivating an account or ending its sessions takes effect on the next request).
 *
 * Sessions are better-auth's: it signs in, signs out, stores and extends them. Reading one is done here, the way
 * better-auth's getSession reads it (the signed cookie under its name and secret, then the session joined with its
 * user, unexpired) but in one plain statement: getSession cost ~4.8 ms of CPU per call, on every page and every
 * autosave of a signed-in user, against ~0.3 ms for this (docs/performance.md). When better-auth would extend the
 * session (once per updateAge), the call goes to getSession itself, which does that.
 */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  // The request's headers first: reading them marks the page as rendered per request before anything touches the
  // database. The cookie is read as better-auth reads it (the first of two same-named cookies, quotes removed), so
  // that this and better-auth's getSession and signOut always pick the same session.
  const requestHeaders = await headers();
  const auth = await getAuth().$context;
  const cookie = readCookie(requestHeaders.get("cookie"), auth.authCookies.sessionToken.name);
  const token = verifySignedValue(cookie, auth.secret);
  if (!token) return null;
  const { expiresIn, updateAge } = auth.sessionConfig;
  const found = await findSessionUser(token, expiresIn, updateAge);
  if (!found) return null;
  if (!found.needsRefresh) return toCurrentUser(found);
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  return session ? toCurrentUser(session.user as RawUser) : null;
}

/** For pages: the user, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return user;
}
