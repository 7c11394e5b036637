import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./errors";
import { ifNoneMatchMatches, preflight, respond, weakEtag } from "./http";

const get = (url = "http://x/api/v1/test", headers: Record<string, string> = {}) => new Request(url, { headers });

afterEach(() => vi.restoreAllMocks());

describe("ETag", () => {
  it("is weak and follows the body", () => {
    const a = weakEtag('{"a":1}');
    expect(a).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(weakEtag('{"a":1}')).toBe(a);
    expect(weakEtag('{"a":2}')).not.toBe(a);
  });

  it("matches If-None-Match weakly, in lists and with *", () => {
    const tag = weakEtag("x");
    const opaque = tag.slice(2);
    expect(ifNoneMatchMatches(tag, tag)).toBe(true);
    expect(ifNoneMatchMatches(opaque, tag)).toBe(true);
    expect(ifNoneMatchMatches(`"other", ${tag}`, tag)).toBe(true);
    expect(ifNoneMatchMatches("*", tag)).toBe(true);
    expect(ifNoneMatchMatches('W/"other"', tag)).toBe(false);
    expect(ifNoneMatchMatches(tag.slice(3, -1), tag)).toBe(false); // unquoted: not an entity tag
    expect(ifNoneMatchMatches(null, tag)).toBe(false);
  });
});

describe("respond", () => {
  it("sends JSON with ETag, one-minute public caching and CORS", async () => {
    const res = await respond(get(), () => ({ data: [1] }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("etag")).toBe(weakEtag('{"data":[1]}'));
    expect(await res.json()).toEqual({ data: [1] });
  });

  it("answers 304 without a body when If-None-Match holds the current ETag", async () => {
    const etag = (await respond(get(), () => ({ n: 1 }))).headers.get("etag")!;
    const res = await respond(get(undefined, { "If-None-Match": etag }), () => ({ n: 1 }));
    expect(res.status).toBe(304);
    expect(await res.text()).toBe("");
    expect(res.headers.get("etag")).toBe(etag);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect((await respond(get(undefined, { "If-None-Match": etag }), () => ({ n: 2 }))).status).toBe(200);
  });

  it("turns an ApiError into its status and JSON body, never cached", async () => {
    const res = await respond(get(), () => {
      throw new ApiError(404, "not_found", "没有这个机关");
    });
    expect(res.status).toBe(404);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "没有这个机关" } });
  });

  it("turns an unexpected error into a bare 500 and logs it on the server", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await respond(get("http://x/api/v1/boom?a=1"), async () => {
      throw new Error("connection refused at /secret/path");
    });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: "internal_error", message: "服务器内部错误，请稍后再试" } });
    expect(text).not.toContain("secret");
    expect(log).toHaveBeenCalledOnce();
    expect(String(log.mock.calls[0][0])).toContain("/api/v1/boom?a=1");
  });

  it("answers a CORS preflight", () => {
    const res = preflight();
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-headers")).toContain("If-None-Match");
  });
});
