import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { admin, username } from "better-auth/plugins";
import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements } from "better-auth/plugins/admin/access";
import { nextCookies } from "better-auth/next-js";
import { db } from "@/lib/db/client";
import { authSecret } from "./secret";

// Only administrators manage accounts; clerks and supervisors have no account powers (their report permissions
// are lib/auth/roles.ts).
const ac = createAccessControl(defaultStatements);
const accountRoles = {
  ADMIN: ac.newRole({ ...adminAc.statements }),
  SUPERVISOR: ac.newRole({ user: [], session: [] }),
  CLERK: ac.newRole({ user: [], session: [] }),
};

// Accounts are created by administrators only (no sign-up). Passwords are hashed with scrypt by better-auth
// (node:crypto, no native module). Sessions live in the database and in an httpOnly cookie; the cookie cache is off
// so that revoking a session takes effect on the next request.
function createAuth() {
  const secret = authSecret();
  return betterAuth({
    appName: "政府信息公开工作年度报告平台",
    secret,
    baseURL: process.env.BETTER_AUTH_URL || undefined,
    trustedOrigins: (process.env.BETTER_AUTH_TRUSTED_ORIGINS || "").split(",").filter(Boolean),
    database: prismaAdapter(db(), { provider: "postgresql" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 128 },
    session: {
      expiresIn: 60 * 60 * 12,
      updateAge: 60 * 60,
      cookieCache: { enabled: false },
    },
    user: {
      additionalFields: {
        agencyId: { type: "number", required: false, input: false },
        regionCode: { type: "string", required: false, input: false },
      },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 60,
      customRules: { "/sign-in/username": { window: 60, max: 10 }, "/sign-in/email": { window: 60, max: 10 } },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: ["x-forwarded-for", "x-real-ip"] },
      database: { generateId: () => crypto.randomUUID() },
    },
    plugins: [
      username({ minUsernameLength: 3, maxUsernameLength: 40 }),
      admin({
        ac,
        roles: accountRoles,
        adminRoles: ["ADMIN"],
        defaultRole: "CLERK",
        bannedUserMessage: "该账号已停用，请联系管理员。",
      }),
      nextCookies(),
    ],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { nianbaoAuth?: Auth };

/** Created on first use, so that building the app needs no database. */
export function getAuth(): Auth {
  if (!globalForAuth.nianbaoAuth) globalForAuth.nianbaoAuth = createAuth();
  return globalForAuth.nianbaoAuth;
}
