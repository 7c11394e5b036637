/**
 * The value of the cookie `name` in a Cookie request header, read exactly as better-auth reads it (better-call's
 * parseCookies): the first of several same-named cookies counts, names and values are trimmed, a value in double
 * quotes loses them, and a percent-encoded value is decoded (left as it is when it does not decode). Our own few lines
 * rather than better-call's parser because this runs on every request of a signed-in user and needs one cookie, not
 * a map of all of them; cookie-header.test.ts checks it against better-call's parser.
 */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  let index = 0;
  while (index < header.length) {
    const eq = header.indexOf("=", index);
    if (eq === -1) return undefined;
    let end = header.indexOf(";", index);
    if (end === -1) end = header.length;
    else if (end < eq) {
      // a fragment without "=" before the next pair: skip it
      index = header.lastIndexOf(";", eq - 1) + 1;
      continue;
    }
    if (header.slice(index, eq).trim() === name) {
      let value = header.slice(eq + 1, end).trim();
      if (value.charCodeAt(0) === 34) value = value.slice(1, -1);
      return decode(value);
    }
    index = end + 1;
  }
  return undefined;
}

function decode(value: string): string {
  if (!value.includes("%")) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
