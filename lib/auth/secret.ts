import "server-only";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";

/**
 * The key that signs session cookies: BETTER_AUTH_SECRET in production (the same value on every instance). Without
 * it — the embedded, single-machine set-up — a random key is made once and kept in data/auth-secret, so sessions
 * survive restarts and no key is ever hard-coded.
 */
export function authSecret(): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("BETTER_AUTH_SECRET must be at least 32 characters long.");
    return fromEnv;
  }
  const file = path.resolve(/*turbopackIgnore: true*/ process.env.AUTH_SECRET_FILE || "data/auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(48).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      return secret;
    } catch {
      return fs.readFileSync(file, "utf8").trim(); // another process made it first
    }
  }
}
