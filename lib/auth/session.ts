import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "./auth";
import { isRole, type Actor } from "./roles";

export interface CurrentUser extends Actor {
  name: string;
  username: string | null;
}

/** The signed-in user, read from the session cookie and checked against the database on every call. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const requestHeaders = await headers();
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const u = session.user as typeof session.user & {
    role?: string;
    agencyId?: number | null;
    regionCode?: string | null;
    banned?: boolean | null;
    username?: string | null;
  };
  if (!isRole(u.role) || u.banned) return null;
  return {
    id: u.id,
    name: u.name,
    username: u.username ?? null,
    role: u.role,
    agencyId: u.agencyId ?? null,
    regionCode: u.regionCode ?? null,
    banned: u.banned ?? false,
  };
}

/** For pages: the user, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return user;
}
