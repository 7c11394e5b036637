// Where the database is: DATABASE_URL (a PostgreSQL server), or else the running embedded database's owner.
import { embeddedDataDir, findOwner, urlForPort } from "./embedded/lock";

export class DatabaseNotConfiguredError extends Error {
  constructor() {
    super(
      "No database: DATABASE_URL is not set and the embedded database is not running. " +
        "Start the portal with `npm start` (it owns the embedded database), run the command through " +
        "`npm run -s with-db -- <command>`, or set DATABASE_URL=postgres://… for a PostgreSQL server.",
    );
  }
}

export function resolveDatabaseUrl(): string | null {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const owner = findOwner(embeddedDataDir());
  return owner?.port ? urlForPort(owner.port) : null;
}

export function requireDatabaseUrl(): string {
  const url = resolveDatabaseUrl();
  if (!url) throw new DatabaseNotConfiguredError();
  return url;
}

/** A URL with its password hidden, for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparsable DATABASE_URL)";
  }
}
