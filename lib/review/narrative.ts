/**
 * Similarity of a section's text to last year's: which passages of the current text repeat last year's.
 *
 * Method: both texts are reduced to "significant" tokens — letters (CJK included) and digits; whitespace,
 * punctuation and symbols are dropped, full-width ASCII is folded to half-width and Latin letters to lower case,
 * and (by default) every number is one token that matches any number, so a paragraph copied with only its year
 * or figures updated still reads as one repeated passage. Every window of `minLength` tokens (12) of last year's
 * text goes into a hash table (rolling hash, open addressing, tokens compared on a hit, so no false match from
 * a collision); each window of the current text found there is marked, overlapping and touching marks are
 * merged, and the runs are mapped back to character ranges of the original text (first to last significant
 * character of the run). This is exact: a character is marked iff it lies in a passage of ≥ `minLength` tokens
 * that also occurs, contiguously, in last year's text (a passage of length ≥ k is covered by its k-windows).
 * While a copied passage continues, the next window is confirmed by comparing one token, without a lookup.
 *
 * Cost: O(|previous| + |current|) expected. 20,000 vs 20,000 characters: ~3 ms once the JIT has warmed up
 * (see README.md and the timing test in narrative.test.ts).
 */

export interface CharRange {
  /** UTF-16 offset of the first character, inclusive */
  start: number;
  /** UTF-16 offset after the last character, exclusive */
  end: number;
}

export interface NarrativeComparison {
  /** 0..1: share of the current text's significant characters (letters and digits) inside repeated passages */
  similarity: number;
  /** character ranges of `current` that repeat last year's text: sorted, disjoint, not adjacent */
  repeated: CharRange[];
}

export interface CompareOptions {
  /** shortest repeated passage reported, in significant characters (a number counts as one); default 12 */
  minLength?: number;
  /** "any" (default): any number matches any number; "exact": digits must be the same */
  numbers?: "any" | "exact";
}

export const DEFAULT_MIN_LENGTH = 12;

/** Token standing for a whole number when numbers are compared as "any" (no letter or digit maps to it). */
const NUMBER_TOKEN = 0;

interface Tokens {
  count: number;
  codes: Int32Array;
  /** original UTF-16 start / end of each token */
  starts: Int32Array;
  ends: Int32Array;
  /** significant characters behind the token (a number's digit count; else 1) */
  weights: Int32Array;
}

const SIGNIFICANT = /[\p{L}\p{N}]/u;

function isDigit(cp: number): boolean {
  return cp >= 0x30 && cp <= 0x39;
}

/** Fold a code point: full-width ASCII → ASCII, A–Z → a–z. */
function fold(cp: number): number {
  if (cp >= 0xff01 && cp <= 0xff5e) cp -= 0xfee0;
  if (cp >= 0x41 && cp <= 0x5a) cp += 0x20;
  return cp;
}

function isSignificant(cp: number): boolean {
  if (cp < 0x80) return isDigit(cp) || (cp >= 0x61 && cp <= 0x7a);
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) return true;
  if ((cp >= 0x3000 && cp <= 0x303f) || (cp >= 0x2000 && cp <= 0x206f) || (cp >= 0xff00 && cp <= 0xff65)) {
    return cp === 0x3005 || cp === 0x3007 || (cp >= 0x3021 && cp <= 0x3029); // 々 〇 and Suzhou numerals
  }
  return SIGNIFICANT.test(String.fromCodePoint(cp));
}

/** Code point at i, folded; surrogate pairs are read as one code point (then `i` must advance by 2). */
function foldedAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return fold(c);
}

function tokenize(text: string, numbers: "any" | "exact"): Tokens {
  const n = text.length;
  const codes = new Int32Array(n);
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const weights = new Int32Array(n);
  let count = 0;
  let i = 0;
  while (i < n) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x4e00 && unit <= 0x9fff) {
      // fast path: CJK unified ideographs, most of every report
      codes[count] = unit;
      starts[count] = i;
      ends[count] = i + 1;
      weights[count] = 1;
      count++;
      i++;
      continue;
    }
    const cp = foldedAt(text, i);
    const size = cp > 0xffff ? 2 : 1;
    if (numbers === "any" && isDigit(cp)) {
      // a number: digits, with single "." or "," between digits (13.6, 1,234)
      let digits = 0;
      let k = i;
      while (k < n) {
        const c = fold(text.charCodeAt(k));
        if (isDigit(c)) {
          digits++;
          k++;
        } else if ((c === 0x2e || c === 0x2c) && k + 1 < n && isDigit(fold(text.charCodeAt(k + 1)))) {
          k++;
        } else break;
      }
      codes[count] = NUMBER_TOKEN;
      starts[count] = i;
      ends[count] = k;
      weights[count] = digits;
      count++;
      i = k;
      continue;
    }
    if (isSignificant(cp)) {
      codes[count] = cp;
      starts[count] = i;
      ends[count] = i + size;
      weights[count] = 1;
      count++;
    }
    i += size;
  }
  return {
    count,
    codes: codes.subarray(0, count),
    starts: starts.subarray(0, count),
    ends: ends.subarray(0, count),
    weights: weights.subarray(0, count),
  };
}

const BASE = 0x01000193;

/** Rolling polynomial hash (mod 2^32) of every window of k tokens: out[i] hashes codes[i .. i+k-1]. */
function windowHashes(codes: Int32Array, k: number): Int32Array {
  const count = codes.length - k + 1;
  const out = new Int32Array(Math.max(0, count));
  if (count <= 0) return out;
  let top = 1; // BASE^(k-1)
  for (let t = 1; t < k; t++) top = Math.imul(top, BASE);
  let h = 0;
  for (let t = 0; t < k; t++) h = (Math.imul(h, BASE) + codes[t]) | 0;
  out[0] = h;
  for (let i = 1; i < count; i++) {
    h = (h - Math.imul(codes[i - 1], top)) | 0;
    h = (Math.imul(h, BASE) + codes[i + k - 1]) | 0;
    out[i] = h;
  }
  return out;
}

function sameWindow(a: Int32Array, i: number, b: Int32Array, j: number, k: number): boolean {
  for (let t = 0; t < k; t++) if (a[i + t] !== b[j + t]) return false;
  return true;
}

/**
 * Runs [from, to] (token indices, inclusive) of `cur` that lie inside a common substring of ≥ k tokens.
 * A token lies in such a substring exactly when some window of exactly k tokens covering it occurs in `prev`,
 * so marking matching windows and merging them is exact, not an approximation. Last year's windows go into an
 * open-addressing hash table (each distinct window once, by its first position); a lookup compares the tokens,
 * so a hash collision never produces a false match.
 */
function repeatedRuns(prev: Int32Array, cur: Int32Array, k: number): [number, number][] {
  const runs: [number, number][] = [];
  if (prev.length < k || cur.length < k) return runs;
  const prevHashes = windowHashes(prev, k);
  let bits = 4;
  while (1 << bits < prevHashes.length * 2) bits++;
  const mask = (1 << bits) - 1;
  const shift = 32 - bits;
  const slotHash = new Int32Array(1 << bits);
  const slotPos = new Int32Array(1 << bits); // window start + 1; 0 = empty
  for (let i = 0; i < prevHashes.length; i++) {
    const hash = prevHashes[i];
    let h = Math.imul(hash, 0x9e3779b1) >>> shift;
    let duplicate = false;
    while (slotPos[h] !== 0) {
      if (slotHash[h] === hash && sameWindow(prev, slotPos[h] - 1, prev, i, k)) {
        duplicate = true;
        break;
      }
      h = (h + 1) & mask;
    }
    if (!duplicate) {
      slotHash[h] = hash;
      slotPos[h] = i + 1;
    }
  }
  const curHashes = windowHashes(cur, k);
  // `at`: where in prev the previous window of cur was found (-1: not found). While a passage continues,
  // the next window is found by comparing one token, without a lookup.
  let at = -1;
  for (let i = 0; i < curHashes.length; i++) {
    if (at >= 0 && at + k < prev.length && prev[at + k] === cur[i + k - 1]) {
      at++;
    } else {
      const hash = curHashes[i];
      let h = Math.imul(hash, 0x9e3779b1) >>> shift;
      at = -1;
      while (slotPos[h] !== 0) {
        if (slotHash[h] === hash && sameWindow(prev, slotPos[h] - 1, cur, i, k)) {
          at = slotPos[h] - 1;
          break;
        }
        h = (h + 1) & mask;
      }
      if (at < 0) continue;
    }
    const last = runs[runs.length - 1];
    if (last !== undefined && i <= last[1] + 1) last[1] = i + k - 1;
    else runs.push([i, i + k - 1]);
  }
  return runs;
}

/**
 * Which passages of `current` repeat `previous` (last year's text of the same section), and how much of
 * `current` they make up. Passages shorter than `minLength` significant characters are ignored (common phrases
 * such as 中华人民共和国政府信息公开条例 are 15 and do count when last year's text has them).
 */
export function compareNarrative(previous: string, current: string, opts: CompareOptions = {}): NarrativeComparison {
  const minLength = Math.max(1, Math.floor(opts.minLength ?? DEFAULT_MIN_LENGTH));
  const numbers = opts.numbers ?? "any";
  const cur = tokenize(current, numbers);
  let total = 0;
  for (const w of cur.weights) total += w;
  if (total === 0) return { similarity: 0, repeated: [] };
  const prev = tokenize(previous, numbers);
  const runs = repeatedRuns(prev.codes, cur.codes, minLength);
  let covered = 0;
  const repeated: CharRange[] = [];
  for (const [from, to] of runs) {
    for (let k = from; k <= to; k++) covered += cur.weights[k];
    repeated.push({ start: cur.starts[from], end: cur.ends[to] });
  }
  return { similarity: covered / total, repeated };
}

export interface DisplaySegment {
  text: string;
  repeated: boolean;
}

/**
 * `current` cut into consecutive segments for rendering (repeated ones inside <mark>). The segments'
 * texts concatenate to `current`. Ranges may be unsorted, overlapping or out of bounds; they are
 * clamped and merged; empty ranges are ignored.
 */
export function segmentsForDisplay(current: string, repeated: readonly CharRange[]): DisplaySegment[] {
  const n = current.length;
  const ranges = repeated
    .map((r) => ({ start: Math.max(0, Math.min(n, r.start)), end: Math.max(0, Math.min(n, r.end)) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const merged: CharRange[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  const out: DisplaySegment[] = [];
  let pos = 0;
  for (const r of merged) {
    if (r.start > pos) out.push({ text: current.slice(pos, r.start), repeated: false });
    out.push({ text: current.slice(r.start, r.end), repeated: true });
    pos = r.end;
  }
  if (pos < n) out.push({ text: current.slice(pos), repeated: false });
  return out;
}
