// Small helpers for bulk SQL through node-postgres (or anything with the same `query` shape), shared by the region
// loader and the demo-data writer. Bulk rows go in as one array parameter per column and come out of unnest():
// one statement per batch of thousands of rows instead of one ORM call per row.

/** The part of pg.Client / pg.Pool / pg.PoolClient the loaders need. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: any[]; rowCount?: number | null }>;
}

/**
 * Where the project's tables live. The default (no schema) is the connection's search_path, i.e. `public`.
 * Tests pass a private schema, so that bulk loads do not disturb other test files sharing the database.
 */
export interface SqlTarget {
  schema?: string;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A table or type name, qualified by the target's schema when it has one. */
export function qualified(target: SqlTarget | undefined, name: string): string {
  return target?.schema ? `${quoteIdent(target.schema)}.${quoteIdent(name)}` : quoteIdent(name);
}

export interface BulkColumn {
  name: string;
  /** the PostgreSQL element type of the column's array parameter, e.g. `text`, `int4`, `numeric`, `timestamp`,
   *  `jsonb`, or an already-qualified enum type name */
  type: string;
  /** an SQL expression over `u.<name>` to insert instead of the plain value (e.g. to turn a jsonb list into text[]) */
  expr?: string;
}

export interface BulkOptions {
  /** text after the SELECT, e.g. `ON CONFLICT (code) DO NOTHING` */
  suffix?: string;
  /** a RETURNING list; the returned rows of all batches are concatenated */
  returning?: string;
  /** rows per statement */
  batchSize?: number;
}

/** INSERT … SELECT … FROM unnest($1::t1[], $2::t2[], …), in batches. Returns the RETURNING rows, if asked. */
export async function bulkInsert(
  q: Queryable,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
  opts: BulkOptions = {},
): Promise<any[]> {
  const batchSize = opts.batchSize ?? 10_000;
  const names = columns.map((c) => quoteIdent(c.name)).join(", ");
  const params = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ");
  const alias = columns.map((c) => quoteIdent(c.name)).join(", ");
  const select = columns.map((c) => c.expr ?? `u.${quoteIdent(c.name)}`).join(", ");
  const sql =
    `INSERT INTO ${table} (${names}) SELECT ${select} FROM unnest(${params}) AS u(${alias})` +
    (opts.suffix ? ` ${opts.suffix}` : "") +
    (opts.returning ? ` RETURNING ${opts.returning}` : "");
  const out: any[] = [];
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const arrays = columns.map((_, i) => batch.map((r) => r[i] ?? null));
    const res = await q.query(sql, arrays);
    if (opts.returning) out.push(...res.rows);
  }
  return out;
}

/** A Date as a `timestamp` (without time zone) literal in UTC, the way Prisma stores DateTime. */
export function utcTimestamp(d: Date): string {
  return d.toISOString().replace("T", " ").replace("Z", "");
}

/** count(*) as a number (node-postgres returns bigint as a string, PGlite as a number). */
export async function countRows(q: Queryable, table: string, where = ""): Promise<number> {
  const res = await q.query(`SELECT count(*) AS n FROM ${table}${where ? ` WHERE ${where}` : ""}`);
  return Number(res.rows[0]?.n ?? 0);
}
