import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fromSameOrigin, inParseSlot, parseUpload, readLimitedBody, uploadFileName, PARSE_QUEUE, PARSE_SLOTS } from "./upload";
import { LIMITS } from "./limits";

const TOWN = path.resolve(__dirname, "../demo/samples/town-2022.txt");

/** A request whose body arrives in chunks, without a Content-Length (as a chunked upload does). */
function streamed(chunks: number, chunkBytes: number) {
  let sent = 0;
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= chunks) return controller.close();
      sent++;
      pulled += chunkBytes;
      controller.enqueue(new Uint8Array(chunkBytes));
    },
  });
  const request = new Request("http://x/api/import/parse", { method: "POST", body, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("uploads", () => {
  it("refuses a declared oversize body without reading it, and cuts off an undeclared one at the limit", async () => {
    const declared = new Request("http://x/", { method: "POST", body: "x", headers: { "content-length": String(50 * 1024 * 1024) } });
    expect(await readLimitedBody(declared, 1024)).toEqual({ ok: false, size: 50 * 1024 * 1024 });
    const s = streamed(1000, 64 * 1024); // 64 MB offered
    expect(await readLimitedBody(s.request, 1024 * 1024)).toEqual({ ok: false, size: null });
    expect(s.pulled()).toBeLessThan(2 * 1024 * 1024);
    const small = await readLimitedBody(new Request("http://x/", { method: "POST", body: "abc" }), 1024);
    expect(small.ok && small.bytes.toString()).toBe("abc");
  });

  it("parses a file body, pasted text, and refuses a 50 MB file with a message", async () => {
    const buf = readFileSync(TOWN);
    const file = await parseUpload(new Request("http://x/api/import/parse", { method: "POST", body: buf, headers: { "x-file-name": encodeURIComponent("dir/友谊镇 2022.txt") } }));
    expect("busy" in file).toBe(false);
    if ("busy" in file) return;
    expect(file.file).toBe("友谊镇 2022.txt");
    expect(file.result).toMatchObject({ year: 2022, formatVersion: "2021" });
    const paste = await parseUpload(new Request("http://x/api/import/parse?source=paste", { method: "POST", body: buf.toString("utf8") }));
    expect("busy" in paste ? null : paste.result.year).toBe(2022);
    const huge = streamed(LIMITS.maxFileBytes / (1024 * 1024) + 30, 1024 * 1024);
    const refused = await parseUpload(huge.request);
    expect("busy" in refused ? null : refused.result.problems.map((p) => p.code)).toEqual(["FILE_TOO_LARGE"]);
  });

  it("tells a cross-site request from the portal's own", () => {
    const req = (headers: Record<string, string>) => new Request("http://x/", { method: "POST", headers });
    expect(fromSameOrigin(req({ host: "nianbao.example", origin: "https://nianbao.example" }))).toBe(true);
    expect(fromSameOrigin(req({ host: "10.0.0.2:3000", "x-forwarded-host": "nianbao.example", origin: "https://nianbao.example" }))).toBe(true);
    expect(fromSameOrigin(req({ host: "nianbao.example", origin: "https://evil.example" }))).toBe(false);
    expect(fromSameOrigin(req({ host: "nianbao.example", origin: "null" }))).toBe(false);
    expect(fromSameOrigin(req({ host: "nianbao.example" }))).toBe(true);
  });

  it("names an upload safely", () => {
    const named = (h: string) => uploadFileName(new Request("http://x/", { method: "POST", headers: { "x-file-name": h } }));
    expect(named("%E6%8A%A5%E5%91%8A.pdf")).toBe("报告.pdf");
    expect(named("..%2F..%2Fetc%2Fpasswd")).toBe("passwd");
    expect(named("%E0%A4%A")).toBe("%E0%A4%A");
    expect(named("")).toBe("（未命名）");
  });

  it("runs at most PARSE_SLOTS parses at once and turns away uploads beyond the queue", async () => {
    let running = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const job = () =>
      inParseSlot(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
        return "done";
      });
    const jobs = Array.from({ length: PARSE_SLOTS + PARSE_QUEUE }, job);
    expect(await job()).toBeNull(); // one too many
    while (releases.length > 0 || running > 0) {
      await new Promise((r) => setTimeout(r, 1));
      releases.shift()?.();
    }
    expect(await Promise.all(jobs)).toEqual(jobs.map(() => "done"));
    expect(peak).toBe(PARSE_SLOTS);
  });
});
