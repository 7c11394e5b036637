// Prisma's schema engine, compiled to WebAssembly, running on in-memory PGlite databases.
//
// The native `prisma migrate` cannot run here (its engine binary cannot be downloaded), but the same engine is
// published as @prisma/schema-engine-wasm. It reaches databases only through a driver adapter, so we give it
// throw-away in-memory PGlite instances as its main and shadow databases: generating and checking migrations
// never needs a database server.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine, SchemaFilter, SchemaContainer } from "@prisma/schema-engine-wasm";
import { newPglite } from "./pglite-template";

/** Tables and enums the engine should leave alone: none, everything in the schema is ours. */
export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

type WasmBindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
let wasm: Promise<WasmBindings> | undefined;

/**
 * Load the wasm by hand: the package's entry point does `import * as wasm from "./x.wasm"` (ESM integration of
 * WebAssembly), which Node 20 cannot do. The .wasm file is not in the package's "exports", so we find it next to
 * the JS glue.
 */
export function loadWasm(): Promise<WasmBindings> {
  wasm ??= (async () => {
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
    const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as unknown as { __wbindgen_start(): void }).__wbindgen_start();
    return bg;
  })();
  return wasm;
}

/**
 * An adapter for one PGlite instance, with pglite-prisma-adapter 0.7.2's executeScript fixed: it calls
 * `client.exec(script)` without awaiting it, so a failing migration script is reported to the engine as a
 * success (and its error surfaces later as an unhandled rejection). The engine replays every migration through
 * executeScript, so this matters for `diff` and `dev`.
 */
async function adapterFor(db: PGlite): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPGlite(db).connect();
  const onError = (adapter as unknown as { onError(e: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await db.exec(script);
    } catch (e) {
      onError(e); // rethrows as the DriverAdapterError the engine understands
    }
  };
  return adapter;
}

/**
 * Main and shadow databases for the engine, each a fresh in-memory PGlite. Instances are made only when the
 * engine asks for them (`diff` never touches the main one) and are all closed by close(): the engine's
 * dispose() of an adapter does not close PGlite.
 */
class InMemoryPgliteFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "pglite-in-memory";
  private readonly instances: PGlite[] = [];
  private main: Promise<PGlite> | undefined;

  async connect(): Promise<SqlDriverAdapter> {
    this.main ??= this.open();
    return adapterFor(await this.main);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return adapterFor(await this.open());
  }

  private async open(): Promise<PGlite> {
    const db = await newPglite();
    this.instances.push(db);
    return db;
  }

  async close(): Promise<void> {
    await Promise.all(this.instances.map((db) => db.close()));
  }
}

/**
 * Run `use` with a schema engine on in-memory PGlite, then free everything.
 * MIGRATE_VERBOSE=1 prints the engine's own log lines (JSON) to stderr, for debugging.
 */
async function withPgliteEngine<T>(schema: SchemaContainer, use: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const bg = await loadWasm();
  const factory = new InMemoryPgliteFactory();
  const log = (line: string) => {
    if (process.env.MIGRATE_VERBOSE) process.stderr.write(`[schema-engine] ${line}\n`);
  };
  // The engine calls the factory's methods detached from their object; the binding wrapper fixes `this` and
  // turns thrown errors into the result objects the engine expects.
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    log,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await use(engine);
  } finally {
    engine.free();
    await factory.close();
  }
}

/** Result of comparing the migrations folder with schema.prisma. */
export interface DriftResult {
  /** true when replaying the migrations gives exactly the schema */
  inSync: boolean;
  /** the SQL that would bring the database made by the migrations to the schema */
  missingSql: string;
}

/**
 * `prisma migrate diff --from-migrations … --to-schema … --script --exit-code`: the engine replays the
 * migrations on a shadow PGlite and compares the result with the schema.
 */
export function diffMigrationsToSchema(list: MigrationList, schema: SchemaContainer): Promise<DriftResult> {
  return withPgliteEngine(schema, async (engine) => {
    // With no migration at all the engine would still want a lock file to pick its connector; "empty" is the
    // same starting point without one.
    const from =
      list.migrationDirectories.length === 0 ? ({ tag: "empty" } as const) : ({ tag: "migrations", ...list } as const);
    const out = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: true,
      filters: NO_FILTER,
    });
    return { inSync: out.exitCode === 0, missingSql: out.stdout ?? "" };
  });
}

export interface NewMigration {
  /** directory name chosen by the engine: <yyyyMMddHHmmss>_<name> (UTC) */
  directoryName: string;
  script: string;
  /** e.g. "postgresql", for migration_lock.toml */
  connectorType: string;
}

/**
 * What `prisma migrate dev --create-only --name <name>` would write, or null when the schema has nothing new.
 * The main database is an empty PGlite: the engine compares the schema with the migrations replayed on a
 * shadow database, the main one only has to exist.
 */
export function createMigration(list: MigrationList, schema: SchemaContainer, name: string): Promise<NewMigration | null> {
  return withPgliteEngine(schema, async (engine) => {
    // Bring the (empty) main database up to date, then devDiagnostic: it replays the migrations on a shadow
    // database and caches the result. createMigration has no shadow database of its own and fails ("shadow DB
    // must be provided through an external factory") without that cache, which devDiagnostic does not leave
    // while the main database is behind.
    await engine.applyMigrations({ migrationsList: list, filters: NO_FILTER });
    const diagnostic = await engine.devDiagnostic({ migrationsList: list, filters: NO_FILTER });
    if (diagnostic.action.tag === "reset") {
      // Cannot happen on a database we just built, but never ignore what the engine says.
      throw new Error(`The schema engine asks for a reset: ${diagnostic.action.reason}`);
    }
    const out = await engine.createMigration({
      draft: false,
      migrationName: name,
      migrationsList: list,
      schema: { files: [schema] },
      filters: NO_FILTER,
    });
    if (out.migrationScript === null) return null;
    return { directoryName: out.generatedMigrationName, script: out.migrationScript, connectorType: out.connectorType };
  });
}
