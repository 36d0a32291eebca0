import { defineConfig } from "@playwright/test";

// Runs against a Mamori started by scripts/test (release build, demo agency).
// Every spec runs twice: with JavaScript off (server-rendered forms must work) and hydrated.
export default defineConfig({
  testDir: "./tests",
  fullyParallel: true,
  workers: 2,
  reporter: "list",
  timeout: 30_000,
  use: {
    baseURL: process.env.MAMORI_E2E_URL ?? "http://127.0.0.1:3900",
    locale: "ja-JP",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      // Without these chromium stalls on a closed network.
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "no-js", use: { javaScriptEnabled: false } },
    { name: "hydrated", use: { javaScriptEnabled: true } },
  ],
});
