// Shared helpers for integration tests: each test file makes its own region, agencies and users with unique
// names, so files can share one database and run in parallel.
import { inject } from "vitest";
import type { Actor } from "@/lib/auth/roles";

process.env.DATABASE_URL = inject("databaseUrl");

let counter = 0;
export function uniqueSuffix() {
  counter++;
  return `${process.pid}${Date.now().toString(36)}${counter}`;
}

async function createUniqueCounty(province: string, s: string) {
  const { db } = await import("@/lib/db/client");
  for (let attempt = 0; ; attempt++) {
    const code = `${province}${String(Math.floor(Math.random() * 1e4)).padStart(4, "0")}`;
    try {
      return await db().region.create({ data: { code, name: `测试县${s}`, level: 3, parentCode: null } });
    } catch (e) {
      if (attempt >= 20 || (e as { code?: string }).code !== "P2002") throw e;
    }
  }
}

export async function makeWorld() {
  const { db } = await import("@/lib/db/client");
  const s = uniqueSuffix();
  // A synthetic province code range no real region uses: 9x…, unique per call.
  const province = `9${(Number.parseInt(s.slice(-6), 36) % 9) + 1}`;
  const prov = await db().region.upsert({ where: { code: province }, update: {}, create: { code: province, name: `测试省${province}`, level: 1 } });
  // Parallel test files share the database: a random six-digit county code (the real code shape, which the API
  // validates), created (not upserted) and retried on a clash,
  // guarantees each world its own county, so region-wide queries never see another file's agencies.
  const county = await createUniqueCounty(province, s);
  const gov = await db().agency.create({ data: { name: `测试县人民政府${s}`, kind: "GOVERNMENT", regionCode: county.code } });
  const dept = await db().agency.create({ data: { name: `测试县教育局${s}`, kind: "DEPARTMENT", regionCode: county.code, parentId: gov.id } });
  const otherDept = await db().agency.create({ data: { name: `测试县民政局${s}`, kind: "DEPARTMENT", regionCode: county.code, parentId: gov.id } });
  async function user(role: Actor["role"], scope: { agencyId?: number; regionCode?: string }): Promise<Actor> {
    const id = `u-${role}-${uniqueSuffix()}`;
    await db().user.create({ data: { id, name: `${role}${id}`, email: `${id}@t.invalid`, role, agencyId: scope.agencyId ?? null, regionCode: scope.regionCode ?? null } });
    return { id, role, agencyId: scope.agencyId ?? null, regionCode: scope.regionCode ?? null };
  }
  return {
    db,
    province: prov,
    county,
    gov,
    dept,
    otherDept,
    clerk: await user("CLERK", { agencyId: dept.id }),
    otherClerk: await user("CLERK", { agencyId: otherDept.id }),
    supervisor: await user("SUPERVISOR", { regionCode: county.code }),
    outsideSupervisor: await user("SUPERVISOR", {
      regionCode: (await db().region.upsert({ where: { code: "89" }, update: {}, create: { code: "89", name: "测试外省", level: 1 } })).code,
    }),
    admin: await user("ADMIN", {}),
  };
}
