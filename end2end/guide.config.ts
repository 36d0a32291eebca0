import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// The illustrated guide's pictures (docs/guide/*.jpg), taken from a fresh demo by
// scripts/guide: each step checks the page it shows, so a changed page fails here rather
// than leaving a stale picture.
export default defineConfig({
  ...base,
  testDir: "./guide",
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  use: { ...base.use, viewport: { width: 1280, height: 800 }, javaScriptEnabled: true },
  projects: [{ name: "guide" }],
});
