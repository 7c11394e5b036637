import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite and pg are server-only Node packages: keep them out of the bundles.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@prisma/adapter-pg", "pdfjs-dist", "mammoth"],
  poweredByHeader: false,
  // A second build beside the main one (a parallel check, a second instance's own build) without clobbering .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
