import { describe, it, expect } from "vitest";
import { inject } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import net from "node:net";
import { checkDatabase } from "./health";

async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

describe("checkDatabase", () => {
  it("says what to check when the server does not answer, hiding the password", async () => {
    const port = await closedPort();
    const r = await checkDatabase(`postgres://app:secret@127.0.0.1:${port}/nianbao`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toBe("unreachable");
    expect(r.message).toContain("Cannot connect to the database");
    expect(r.message).toContain("DATABASE_URL");
    expect(r.message).not.toContain("secret");
  });

  it("says which migrations are pending and what to run", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-mig-"));
    fs.mkdirSync(path.join(dir, "29991231000000_future"));
    fs.writeFileSync(path.join(dir, "29991231000000_future", "migration.sql"), "SELECT 1;");
    const r = await checkDatabase(inject("databaseUrl"), dir);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r).toMatchObject({ ok: false, problem: "not-migrated" });
    if (!r.ok) expect(r.message).toContain("npm run db:migrate");
  });

  it("passes a migrated database", async () => {
    expect(await checkDatabase(inject("databaseUrl"))).toEqual({ ok: true });
  });
});
