import { defineConfig } from "@playwright/test";

// Browser tests drive Debian's Chromium (Playwright cannot download its own browser here) against the built portal
// on its own embedded database (prepared by scripts/test.sh: migrated and seeded in E2E_PGLITE_DIR).
const port = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  testIgnore: "cluster/**", // playwright.cluster.config.ts runs those against several instances behind nginx
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
  },
  webServer: {
    command: `npx tsx scripts/with-db.ts --check -- npx next start -H 127.0.0.1 -p ${port}`,
    url: baseURL,
    timeout: 120_000,
    reuseExistingServer: !!process.env.E2E_REUSE_SERVER,
    env: { PGLITE_DIR: process.env.E2E_PGLITE_DIR || "tmp/e2e/pglite", DATABASE_URL: "" },
    stdout: "ignore",
    stderr: "pipe",
  },
});
