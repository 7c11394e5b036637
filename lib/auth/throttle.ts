import "server-only";
import { db } from "@/lib/db/client";

// Failed sign-ins are counted per account and per IP address in the database (so that every app instance sees the
// same counts). better-auth's own limiter counts requests per IP and path only, and only through its HTTP handler.
const WINDOW_MS = 15 * 60 * 1000;
const MAX_PER_ACCOUNT = 5;
const MAX_PER_IP = 30;

const accountKey = (username: string) => `login-fail:user:${username.toLowerCase()}`;
const ipKey = (ip: string) => `login-fail:ip:${ip}`;

async function currentCount(key: string, now: number): Promise<number> {
  const row = await db().rateLimit.findUnique({ where: { key } });
  if (!row || Number(row.lastRequest) < now - WINDOW_MS) return 0;
  return row.count;
}

/** Minutes until another attempt is allowed, or 0 when the account and the address may try now. */
export async function loginBlockedFor(username: string, ip: string, now = Date.now()): Promise<number> {
  const [perAccount, perIp] = await Promise.all([currentCount(accountKey(username), now), currentCount(ipKey(ip), now)]);
  if (perAccount >= MAX_PER_ACCOUNT || perIp >= MAX_PER_IP) return Math.ceil(WINDOW_MS / 60000);
  return 0;
}

export async function recordLoginFailure(username: string, ip: string, now = Date.now()): Promise<void> {
  for (const key of [accountKey(username), ipKey(ip)]) {
    // One statement, so that two instances counting at once cannot lose an attempt.
    await db().$executeRaw`
      INSERT INTO "rateLimit" (id, key, count, "lastRequest") VALUES (${crypto.randomUUID()}, ${key}, 1, ${BigInt(now)})
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN "rateLimit"."lastRequest" < ${BigInt(now - WINDOW_MS)} THEN 1 ELSE "rateLimit".count + 1 END,
        "lastRequest" = ${BigInt(now)}`;
  }
}

export async function clearLoginFailures(username: string): Promise<void> {
  await db().rateLimit.deleteMany({ where: { key: accountKey(username) } });
}
