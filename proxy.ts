import { NextResponse } from "next/server";
import { jitteredLifetime, parseNginxSeconds } from "@/lib/cache/page-lifetime";

// Runs only for the public pages nginx caches (deploy/nginx/nianbao.conf.template): tells nginx how long to keep
// this copy (X-Accel-Expires, read by nginx and not passed on to browsers). PUBLIC_PAGE_TTL is nginx's --page-ttl;
// without it (no shared cache in front) this does nothing.
const ttl = parseNginxSeconds(process.env.PUBLIC_PAGE_TTL);

export function proxy() {
  const res = NextResponse.next();
  if (ttl) res.headers.set("X-Accel-Expires", String(jitteredLifetime(ttl)));
  return res;
}

export const config = {
  matcher: ["/", "/regions", "/regions/:code", "/agencies/:id", "/reports/:id", "/compare", "/data"],
};
