// Creating accounts outside a request (seed, admin CLI): the same rows and scrypt hash better-auth writes when an
// administrator creates a user, so such accounts sign in through better-auth like any other.
import { hashPassword } from "better-auth/crypto";
import type { Db } from "@/lib/db/prisma";
import type { RoleName } from "./roles";

export interface NewAccount {
  username: string;
  name: string;
  password: string;
  role: RoleName;
  agencyId?: number | null;
  regionCode?: string | null;
}

export async function upsertAccount(prisma: Db, a: NewAccount): Promise<string> {
  const hash = await hashPassword(a.password);
  const email = `${a.username}@users.nianbao.invalid`;
  const existing = await prisma.user.findUnique({ where: { username: a.username } });
  const id = existing?.id ?? crypto.randomUUID();
  await prisma.$transaction([
    prisma.user.upsert({
      where: { id },
      create: {
        id,
        name: a.name,
        email,
        username: a.username,
        displayUsername: a.username,
        role: a.role,
        agencyId: a.agencyId ?? null,
        regionCode: a.regionCode ?? null,
      },
      update: { name: a.name, role: a.role, agencyId: a.agencyId ?? null, regionCode: a.regionCode ?? null, banned: false },
    }),
    prisma.account.deleteMany({ where: { userId: id, providerId: "credential" } }),
    prisma.account.create({ data: { id: crypto.randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash } }),
  ]);
  return id;
}
