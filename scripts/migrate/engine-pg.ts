// Prisma's schema engine (WebAssembly) on a live database through @prisma/adapter-pg. deploy/status do not use
// it (see database.ts); the tests use it to check that the real engine reads the history our deploy writes, and
// writes a history our status reads.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaContainer, SchemaEngine } from "@prisma/schema-engine-wasm";
import { loadWasm } from "./engine";

/** Postgres' internal one-byte `"char"` type: the engine's catalog queries return it, adapter-pg 7.10 cannot read it. */
const CHAR_OID = 18;
const TEXT_OID = 25;

/** A pg client that reports `"char"` columns as text, which adapter-pg can deserialize. */
class CharAsTextClient extends pg.Client {
  // pg.Pool calls query(text, values, callback); adapter-pg awaits query(config). Handle both.
  override query(...args: unknown[]): any {
    const callback = typeof args.at(-1) === "function" ? (args.pop() as (err: unknown, res?: unknown) => void) : null;
    const result = (super.query as (...a: unknown[]) => Promise<pg.QueryResult>)(...args).then((res) => {
      for (const field of res?.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
      return res;
    });
    if (!callback) return result;
    result.then((res) => callback(null, res), (err) => callback(err));
    return undefined;
  }
}

/** Run `use` with a schema engine connected to `url` (no shadow database: only for apply/diagnose). */
export async function withPgEngine<T>(url: string, schema: SchemaContainer, use: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const bg = await loadWasm();
  const factory = new PrismaPg({ connectionString: url, Client: CharAsTextClient as unknown as typeof pg.Client, max: 2 });
  const engine = await bg.SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
  try {
    return await use(engine);
  } finally {
    engine.free();
  }
}
