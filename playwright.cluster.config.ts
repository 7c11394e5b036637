import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// Two instances of the built portal on one PostgreSQL database behind nginx with the shared page cache
// (scripts/cluster.ts). E2E_DATABASE_URL: a migrated and seeded PostgreSQL database (scripts/test.sh makes one).
const port = Number(process.env.E2E_CLUSTER_PORT || 3180);
const firstAppPort = port + 1;

export default defineConfig({
  ...base,
  testDir: "e2e/cluster",
  testIgnore: undefined,
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  metadata: { instances: [`http://127.0.0.1:${firstAppPort}`, `http://127.0.0.1:${firstAppPort + 1}`] },
  webServer: {
    command: `npx tsx scripts/cluster.ts --instances 2 --port ${port} --first-app-port ${firstAppPort}`,
    url: `http://127.0.0.1:${port}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: { DATABASE_URL: process.env.E2E_DATABASE_URL ?? "" },
    stdout: "ignore",
    stderr: "pipe",
  },
});
