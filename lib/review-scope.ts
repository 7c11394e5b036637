import { regionContains, type Actor } from "@/lib/auth/roles";

/** The region a supervisor may look at: the one asked for when it lies inside theirs, else their own. */
export function allowedRegion(actor: Actor, requested: string | undefined): string | null {
  const own = actor.role === "ADMIN" ? "" : actor.regionCode;
  if (own === null) return null;
  if (requested && /^(\d{2}|\d{4}|\d{6}|\d{9})$/.test(requested) && (own === "" || regionContains(own, requested))) return requested;
  return own || null;
}
