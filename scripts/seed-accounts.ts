// Demo accounts, one of each role, scoped to the sample reports' agencies and regions (README lists them).
// Idempotent: re-running resets their passwords and scopes.
import { createPrismaClient } from "../lib/db/prisma";
import { requireDatabaseUrl } from "../lib/db/url";
import { upsertAccount } from "../lib/auth/accounts";

export const DEMO_PASSWORD = "nianbao-demo-2025";

async function main() {
  const prisma = createPrismaClient(requireDatabaseUrl(), { poolSize: 2 });
  try {
    const town = await prisma.agency.findFirst({ where: { name: "友谊县友谊镇人民政府" }, select: { id: true } });
    if (!town) throw new Error("The demo data is missing (友谊县友谊镇人民政府 not found): run the seed first.");
    const accounts = [
      { username: "clerk", name: "友谊镇填报人", role: "CLERK" as const, agencyId: town.id },
      { username: "supervisor", name: "黑龙江省政务公开办审核人", role: "SUPERVISOR" as const, regionCode: "23" },
      { username: "admin", name: "平台管理员", role: "ADMIN" as const },
    ];
    for (const a of accounts) await upsertAccount(prisma, { ...a, password: DEMO_PASSWORD });
    console.error(`[seed] demo accounts: ${accounts.map((a) => a.username).join(", ")} (password ${DEMO_PASSWORD})`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
