"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import type { CreateImportState } from "@/lib/import/preview";
import { createFromForm } from "./create";

export async function createImportedDraftAction(_prev: CreateImportState | null, formData: FormData): Promise<CreateImportState | null> {
  const result = await createFromForm(await getCurrentUser(), formData);
  if (!result.ok) return result.state;
  revalidatePath("/filing");
  redirect(`/filing/reports/${result.reportId}?imported=1`);
}
