// How long the shared cache keeps one copy of a public page. nginx's proxy_cache_valid gives every page the same
// lifetime, so pages cached in the same second (a restart, a warm-up, a burst of readers) also expire in the same
// second and their renders pile onto the instances together. The app answers with X-Accel-Expires instead: a
// lifetime drawn between half and all of the configured one, so renewals spread out over time.

// nginx's units (https://nginx.org/en/docs/syntax.html): a month is 30 days, a year 365.
const UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, M: 2592000, y: 31536000 };

/** An nginx time such as "60s", "10m", "1h30m", "1h 30m", "1M" or "90" (seconds), in whole seconds; null when it
 *  is not one. */
export function parseNginxSeconds(text: string | undefined): number | null {
  const s = (text ?? "").trim();
  if (/^\d+$/.test(s)) return Number(s);
  const parts = [...s.matchAll(/(\d+)(ms|[smhdwMy])\s*/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== s) return null;
  return Math.floor(parts.reduce((sum, p) => sum + Number(p[1]) * UNITS[p[2]!]!, 0));
}

/** A whole number of seconds between half the lifetime (rounded up) and all of it. */
export function jitteredLifetime(ttlSeconds: number, random: () => number = Math.random): number {
  const min = Math.ceil(ttlSeconds / 2);
  return min + Math.floor(random() * (ttlSeconds - min + 1));
}
