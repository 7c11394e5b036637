import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The value of a cookie signed as better-auth signs its session cookie (better-call's signCookieValue:
 * `${value}.${base64 HMAC-SHA256 of value}`), or null when the signature is missing or wrong. Synchronous node:crypto
 * rather than WebCrypto: this runs on every request of a signed-in user.
 */
export function verifySignedValue(signed: string | undefined, secret: string): string | null {
  if (!signed) return null;
  const dot = signed.lastIndexOf(".");
  if (dot < 1) return null;
  const value = signed.slice(0, dot);
  const signature = signed.slice(dot + 1);
  // exactly what atob accepts for a 32-byte value (Buffer.from would also take base64url and skip stray characters)
  if (!/^[A-Za-z0-9+/]{43}=$/.test(signature)) return null;
  const expected = createHmac("sha256", secret).update(value).digest();
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
}
