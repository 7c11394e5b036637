// Pagination cursors are opaque to clients: base64url of "<list>:<last key>". The list name keeps a cursor of one
// list from being replayed against another (a report id is not an agency id); the key is validated before it
// reaches a query, so a forged cursor is a 400, never a 500 or a strange page.

export const CURSOR_MAX_LENGTH = 200;
export const CURSOR_PATTERN = /^[A-Za-z0-9_-]+$/;

export function encodeCursor(list: string, key: string | number): string {
  return Buffer.from(`${list}:${key}`, "utf8").toString("base64url");
}

/**
 * The key a cursor of `list` carries, checked by `parseKey` (which returns null for a key that cannot be one of
 * this list's keys), or null when the cursor is malformed, of another list, or carries an invalid key.
 */
export function decodeCursor<T>(list: string, cursor: string, parseKey: (key: string) => T | null): T | null {
  if (cursor.length === 0 || cursor.length > CURSOR_MAX_LENGTH || !CURSOR_PATTERN.test(cursor)) return null;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  // Node's decoder skips what it cannot read; re-encoding must give the cursor back, or it was not ours.
  if (Buffer.from(text, "utf8").toString("base64url") !== cursor) return null;
  const prefix = `${list}:`;
  if (!text.startsWith(prefix)) return null;
  return parseKey(text.slice(prefix.length));
}

/** Database ids are PostgreSQL int4: 1 … 2147483647, written without sign or leading zeros. */
export function parseIdKey(key: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(key)) return null;
  const n = Number(key);
  return n <= 2_147_483_647 ? n : null;
}

/**
 * One page of a keyset query that fetched `limit + 1` rows: the extra row only says whether there is a next page,
 * and the cursor is the key of the last row returned.
 */
export function pageOf<T>(rows: T[], limit: number, list: string, keyOf: (row: T) => string | number): { data: T[]; next_cursor: string | null } {
  if (rows.length <= limit) return { data: rows, next_cursor: null };
  const data = rows.slice(0, limit);
  return { data, next_cursor: encodeCursor(list, keyOf(data[data.length - 1])) };
}
