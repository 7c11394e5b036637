// Region codes are hierarchical by prefix (2 province, 4 prefecture, 6 county, 9 township, 12 village), so "this
// region and everything under it" is a range of codes. A range (not LIKE 'x%') uses the ordinary btree index
// under any collation: strings of ASCII digits sort the same way in all of them.
export const REGION_CODE_MAX_LENGTH = 12;

export function regionRange(code: string): { gte: string; lte: string } {
  return { gte: code, lte: code + "9".repeat(Math.max(0, REGION_CODE_MAX_LENGTH - code.length)) };
}

/** A code as it may appear in a URL: 2, 4, 6 or 9 digits. */
export function isRegionCode(code: string): boolean {
  return /^(\d{2}|\d{4}|\d{6}|\d{9})$/.test(code);
}
