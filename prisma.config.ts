import { defineConfig } from "prisma/config";

// Used only by `prisma generate`: migrations run through scripts/migrate.ts (the WebAssembly schema engine).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
