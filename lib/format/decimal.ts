/**
 * Exact decimal arithmetic for money input. Unit conversion (万元 ↔ 元) of a typed string is done on the
 * digits, not on binary floats, so "0.1万" becomes exactly 1000 and "123.45元" exactly 0.012345 万元 before
 * rounding to the 4 places the database keeps.
 */

export const MONEY_PLACES = 4;

/** units × 10^-scale */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_RE = /^([+-]?)(\d+)(?:\.(\d*))?$|^([+-]?)\.(\d+)$/;

/** Parses a plain ASCII decimal ("-12.50", "+3", ".5"); anything else (exponents, separators) → null. */
export function parseDecimal(text: string): Decimal | null {
  const m = DECIMAL_RE.exec(text);
  if (!m) return null;
  const sign = m[1] ?? m[4] ?? "";
  const int = m[2] ?? "0";
  const frac = m[3] ?? m[5] ?? "";
  const units = BigInt(int + frac) * (sign === "-" ? -1n : 1n);
  return { units, scale: frac.length };
}

/** Multiplies by 10^exp (exp may be negative: a division that stays exact by widening the scale). */
export function shift(d: Decimal, exp: number): Decimal {
  if (exp >= 0) return { units: d.units * 10n ** BigInt(exp), scale: d.scale };
  return { units: d.units, scale: d.scale - exp };
}

/** Rounds half away from zero to `places`; `changed` says whether digits were dropped that were not 0. */
export function roundTo(d: Decimal, places: number): { value: Decimal; changed: boolean } {
  if (d.scale <= places) return { value: { units: d.units * 10n ** BigInt(places - d.scale), scale: places }, changed: false };
  const div = 10n ** BigInt(d.scale - places);
  const neg = d.units < 0n;
  const abs = neg ? -d.units : d.units;
  let q = abs / div;
  const r = abs % div;
  if (r * 2n >= div) q += 1n;
  return { value: { units: neg ? -q : q, scale: places }, changed: r !== 0n };
}

/** Number of fractional digits that are not trailing zeros. */
export function significantPlaces(d: Decimal): number {
  let { units, scale } = d;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return scale;
}

export function isInteger(d: Decimal): boolean {
  return significantPlaces(d) === 0;
}

export function toPlainString(d: Decimal): string {
  const neg = d.units < 0n;
  const digits = (neg ? -d.units : d.units).toString().padStart(d.scale + 1, "0");
  const int = digits.slice(0, digits.length - d.scale);
  let frac = d.scale > 0 ? digits.slice(digits.length - d.scale) : "";
  frac = frac.replace(/0+$/, "");
  const body = frac ? `${int}.${frac}` : int;
  return neg && body !== "0" ? `-${body}` : body;
}

/** The nearest double; exact for every value the cells can hold (≤ 1e12 with ≤ 4 places is < 2^53 units). */
export function toNumber(d: Decimal): number {
  return Number(toPlainString(d));
}

/**
 * Fractional digits of a JS number as it prints (shortest round-trip form), e.g. 0.1 → 1, 1e-7 → 7,
 * 0.30000000000000004 → 17. A value that needs more than 4 is not an exact 4-place decimal.
 */
export function decimalPlacesOf(x: number): number {
  if (!Number.isFinite(x)) return Infinity;
  const s = Math.abs(x).toString();
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s);
  if (!m) return Infinity;
  const frac = (m[2] ?? "").length;
  const exp = m[3] ? Number(m[3]) : 0;
  return Math.max(0, frac - exp);
}

/** Plain decimal text of a number, no exponent, no trailing zeros, at most `places` fractional digits. */
export function formatNumber(x: number, places: number): string {
  const fixed = x.toFixed(places);
  const d = parseDecimal(fixed);
  return d ? toPlainString(d) : String(x);
}
