import { describe, it, expect, afterEach } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, execFile, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { openEmbeddedDatabase, findOwner, EmbeddedDatabaseOwnedError } from "./owner";

const run = promisify(execFile);
const children: ChildProcess[] = [];
const dirs: string[] = [];

function tempDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-owner-"));
  dirs.push(d);
  return path.join(d, "pglite");
}

function startOwnerProcess(dir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/fixtures/own-embedded-db.ts", dir], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d;
      const line = out.split("\n").find((l) => l.includes("ready"));
      if (line) resolve({ child, port: JSON.parse(line).port });
    });
    child.on("exit", (code) => reject(new Error(`owner process exited with ${code}`)));
  });
}

afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("embedded database ownership", () => {
  it("refuses a second owner of the same folder while the first is alive", async () => {
    const dir = tempDir();
    const { child, port } = await startOwnerProcess(dir);
    expect(findOwner(dir)).toMatchObject({ pid: child.pid, port });
    await expect(openEmbeddedDatabase({ dir })).rejects.toBeInstanceOf(EmbeddedDatabaseOwnedError);
  }, 60_000);

  it("serves two other processes writing at once without losing a row", async () => {
    const dir = tempDir();
    const { port } = await startOwnerProcess(dir);
    const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("CREATE TABLE probe (id serial PRIMARY KEY, tag text NOT NULL)");
    await Promise.all([
      run(process.execPath, ["--import", "tsx", "test/fixtures/insert-rows.ts", url, "a", "150"]),
      run(process.execPath, ["--import", "tsx", "test/fixtures/insert-rows.ts", url, "b", "150"]),
    ]);
    const r = await client.query("SELECT count(*)::int AS n, count(DISTINCT tag)::int AS d FROM probe");
    await client.end();
    expect(r.rows[0]).toEqual({ n: 300, d: 300 });
  }, 90_000);

  it("takes over a lock left by a process that died, and keeps the data", async () => {
    const dir = tempDir();
    const first = await startOwnerProcess(dir);
    const c = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${first.port}/postgres` });
    await c.connect();
    await c.query("CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
    await c.end();
    // Let PGlite flush, then kill without any clean-up, as a crash would.
    await new Promise((r) => setTimeout(r, 500));
    first.child.kill("SIGKILL");
    await new Promise((r) => first.child.once("exit", r));
    const db = await openEmbeddedDatabase({ dir });
    try {
      const r = await db.db.query<{ v: number }>("SELECT v FROM kept");
      expect(r.rows).toEqual([{ v: 42 }]);
      expect(findOwner(dir)?.pid).toBe(process.pid);
    } finally {
      await db.close();
    }
    expect(findOwner(dir)).toBeNull();
  }, 60_000);
});
