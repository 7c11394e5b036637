// Display of comparison values: counts as integers (blank stays empty, "blank is not zero"), rates as percentages
// with one decimal, and a rate whose denominator is 0 as "—" (decisions.md "Derived rates").
import type { Figure } from "./figures";

export const NO_RATE = "—";

export function formatRate(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return NO_RATE;
  return `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
}

export function formatCount(x: number | null): string {
  if (x === null) return "";
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 10000) / 10000);
}

export function formatFigure(f: Figure, x: number | null): string {
  return f.kind === "rate" ? formatRate(x) : formatCount(x);
}
