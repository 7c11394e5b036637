// URL parameters arrive as arbitrary strings: anything that is not a plain positive id is "not found", not an error.
export function parseId(raw: string | undefined | null): number | null {
  if (!raw || !/^[1-9]\d{0,9}$/.test(raw)) return null;
  const n = Number(raw);
  return n <= 2_147_483_647 ? n : null;
}
