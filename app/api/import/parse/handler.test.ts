// The parse route as the import screens call it: signed-in users only, nothing stored, the agency pre-matched
// within the caller's scope for the bulk import.
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { makeWorld } from "@/test/db-fixtures";
import { handleParse } from "./handler";

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
let town: string;
beforeAll(async () => {
  w = await makeWorld();
  town = readFileSync(path.resolve(__dirname, "../../../../lib/demo/samples/town-2022.txt"), "utf8");
}, 60_000);

const post = (body: BodyInit, query = "", name = "report.txt") =>
  new Request(`http://x/api/import/parse${query}`, { method: "POST", body, headers: { "x-file-name": encodeURIComponent(name) } });

describe("POST /api/import/parse", () => {
  it("refuses a request without a session, or from another site", async () => {
    expect(await handleParse(null, post("x"))).toEqual({ status: 401, body: { error: expect.stringContaining("登录") } });
    const crossSite = new Request("http://x/api/import/parse", { method: "POST", body: "x", headers: { host: "x", origin: "https://evil.example" } });
    expect(await handleParse(w.clerk, crossSite)).toMatchObject({ status: 403 });
  });

  it("reads a report and stores nothing", async () => {
    const res = await handleParse(w.clerk, post(town));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ file: "report.txt", blocker: null, match: null, result: { year: 2022, agencyName: "友谊县友谊镇人民政府" } });
    expect(await w.db().report.count({ where: { agencyId: w.dept.id } })).toBe(0);
  });

  it("says why a file cannot be imported: garbage, a zip bomb posing as .docx, another encoding is fine", async () => {
    const garbage = await handleParse(w.clerk, post(new Uint8Array([0, 1, 2, 3, 0xff, 0, 0x80, 0x81, 0, 9, 9, 9, 0, 1, 2, 3]), "", "x.pdf"));
    expect(garbage.body).toMatchObject({ blocker: expect.stringMatching(/不是文字/) });
    const fakeDocx = await handleParse(w.clerk, post(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]), "", "bomb.docx"));
    expect((fakeDocx.body as { blocker: string | null }).blocker).not.toBeNull();
    const gbk = readFileSync(path.resolve(__dirname, "../../../../lib/import/fixtures/town-2022.gbk.txt"));
    const decoded = await handleParse(w.clerk, post(gbk));
    expect(decoded.body).toMatchObject({ blocker: null, result: { year: 2022, agencyName: "友谊县友谊镇人民政府" } });
  });

  it("pre-matches the agency the title names, only for bulk importers and only within their scope", async () => {
    const text = town.replace("友谊县友谊镇人民政府", w.dept.name);
    expect((await handleParse(w.supervisor, post(text, "?match=1"))).body).toMatchObject({ match: { id: w.dept.id, name: w.dept.name } });
    expect((await handleParse(w.outsideSupervisor, post(text, "?match=1"))).body).toMatchObject({ match: null });
    expect((await handleParse(w.clerk, post(text, "?match=1"))).body).toMatchObject({ match: null });
  });
});
