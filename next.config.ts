import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite and pg are server-only Node packages: keep them out of the bundles.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@prisma/adapter-pg", "pdfjs-dist", "mammoth"],
  poweredByHeader: false,
};

export default nextConfig;
