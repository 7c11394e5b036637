// The bulk import's store route: supervisors and administrators only, within their scope; the server parses the
// uploaded file itself; results for a new report, an existing one and garbage.
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { makeWorld } from "@/test/db-fixtures";
import { handleBulkFile } from "./handler";

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
let town: Blob;
beforeAll(async () => {
  w = await makeWorld();
  town = new Blob([readFileSync(path.resolve(__dirname, "../../../../../lib/demo/samples/town-2022.txt"))]);
}, 60_000);

const post = (body: BodyInit, query: string) => new Request(`http://x/review/import/file?${query}`, { method: "POST", body, headers: { "x-file-name": "town.txt" } });

describe("POST /review/import/file", () => {
  it("lets only signed-in supervisors and administrators import", async () => {
    expect((await handleBulkFile(null, post(town, `agency=${w.dept.id}`))).status).toBe(401);
    expect(await handleBulkFile(w.clerk, post(town, `agency=${w.dept.id}`))).toMatchObject({ status: 403 });
    expect(await handleBulkFile(w.supervisor, post(town, "agency=abc"))).toMatchObject({ status: 400 });
    expect(await handleBulkFile(w.outsideSupervisor, post(town, `agency=${w.dept.id}`))).toMatchObject({ status: 200, body: { ok: false, kind: "forbidden" } });
    expect(await w.db().report.count({ where: { agencyId: w.dept.id } })).toBe(0);
  });

  it("imports a file into the review queue, then refuses to overwrite it, and names garbage unreadable", async () => {
    const first = await handleBulkFile(w.supervisor, post(town, `agency=${w.dept.id}`));
    expect(first).toMatchObject({ status: 200, body: { ok: true, status: "SUBMITTED", year: 2022 } });
    const second = await handleBulkFile(w.admin, post(town, `agency=${w.dept.id}`));
    expect(second.body).toMatchObject({ ok: false, kind: "exists", reportId: (first.body as { reportId: number }).reportId });
    const garbage = await handleBulkFile(w.supervisor, post(new Uint8Array([0, 0, 0, 1, 2, 3, 0xfe, 0xff, 0, 0, 7, 7, 7, 7]), `agency=${w.otherDept.id}`));
    expect(garbage.body).toMatchObject({ ok: false, kind: "unreadable" });
    expect(await w.db().report.count({ where: { agencyId: w.otherDept.id } })).toBe(0);
  });

  it("takes the year chosen for a file that names none", async () => {
    const text = (await town.text()).replace(/2022/g, "");
    const res = await handleBulkFile(w.supervisor, post(text, `agency=${w.otherDept.id}&year=2021`));
    expect(res.body).toMatchObject({ ok: true, year: 2021 });
  });
});
