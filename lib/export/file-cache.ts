// Recently built report files, by ETag. A PDF takes a second or more of CPU; a popular report downloaded by many
// readers (or requested over and over by a script) is then built once per process and revision. Requests that
// arrive while a file is being built wait for that build instead of starting their own.
const MAX_BYTES = 32 * 1024 * 1024;

const entries = new Map<string, Promise<Buffer>>();
const sizes = new Map<string, number>();
let total = 0;

export function cachedFile(key: string, build: () => Promise<Buffer>): Promise<Buffer> {
  const hit = entries.get(key);
  if (hit) {
    // most recently used last
    entries.delete(key);
    entries.set(key, hit);
    return hit;
  }
  const p = build().then(
    (bytes) => {
      sizes.set(key, bytes.length);
      total += bytes.length;
      evict();
      return bytes;
    },
    (e: unknown) => {
      entries.delete(key); // a failure is not remembered
      throw e;
    },
  );
  entries.set(key, p);
  return p;
}

function evict() {
  for (const key of entries.keys()) {
    if (total <= MAX_BYTES) return;
    const size = sizes.get(key);
    if (size === undefined) continue; // still building
    entries.delete(key);
    sizes.delete(key);
    total -= size;
  }
}
