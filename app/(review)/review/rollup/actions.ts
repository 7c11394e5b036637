"use server";

import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { rollUp } from "@/lib/db/queries/oversight";
import { startSummaryFromRollUp } from "@/lib/db/reports";
import { allowedRegion } from "@/lib/review-scope";
import { leafKeys } from "@/lib/format";

export async function startSummaryAction(formData: FormData) {
  const user = await getCurrentUser();
  if (!user) redirect("/login?next=/review");
  const region = allowedRegion(user, String(formData.get("region") ?? ""));
  const year = Number(formData.get("year"));
  if (!region || region !== formData.get("region") || !Number.isInteger(year)) redirect("/review?error=scope");
  const rolled = await rollUp(region, year);
  const leaves = Object.fromEntries(leafKeys(rolled.formatVersion).map((k) => [k, rolled.cells[k] ?? null]));
  const result = await startSummaryFromRollUp(user, region, year, leaves);
  if (!result.ok) redirect(`/review/rollup?region=${region}&year=${year}&error=${result.kind}`);
  redirect(`/review/rollup?region=${region}&year=${year}&started=${result.reportId}`);
}
