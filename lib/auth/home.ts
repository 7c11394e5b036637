import type { RoleName } from "./roles";

/** Where each role lands after signing in. */
export function homeFor(role: RoleName): string {
  return role === "CLERK" ? "/filing" : role === "SUPERVISOR" ? "/review" : "/admin/users";
}
