import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { handleBulkFile } from "./handler";

export async function POST(request: Request) {
  const { status, body } = await handleBulkFile(await getCurrentUser(), request);
  if ("ok" in body && body.ok) {
    revalidatePath("/review");
    revalidatePath("/filing");
  }
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
