import { getCurrentUser } from "@/lib/auth/session";
import { handleParse } from "./handler";

// Uploads are read as a stream with a byte limit (lib/import/upload), never buffered whole by the framework.
export async function POST(request: Request) {
  const { status, body } = await handleParse(await getCurrentUser(), request);
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
