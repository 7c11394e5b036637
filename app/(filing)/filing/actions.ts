"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { startReport } from "@/lib/db/reports";
import { currentFilingYear } from "@/lib/db/queries/home";
import { parseId } from "@/lib/params";

export async function startReportAction(formData: FormData) {
  const user = await getCurrentUser();
  if (!user) redirect("/login?next=/filing");
  const agencyId = parseId(String(formData.get("agencyId") ?? ""));
  const year = Number(formData.get("year"));
  // Only the current filing year (or a later correction path) can be started from here.
  if (!agencyId || !Number.isInteger(year) || year < 2019 || year > currentFilingYear()) {
    redirect("/filing?error=year");
  }
  const result = await startReport(user, agencyId, year);
  if (!result.ok) redirect(`/filing?error=${result.kind}`);
  revalidatePath("/filing");
  redirect(`/filing/reports/${result.reportId}`);
}
