import { expect, test, type Page } from "@playwright/test";
import path from "node:path";
import { ADMIN, LEARNER, MANAGER, TRAINER, logIn } from "../tests/helpers";

const pictures = path.join(__dirname, "..", "..", "docs", "guide");

/** The page as it stands, top of the page down to the fold. */
async function picture(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(pictures, `${name}.jpg`), type: "jpeg", quality: 70 });
}

test("a learner's tasks", async ({ page }, testInfo) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await picture(page, "01-login");
  await logIn(page, testInfo, LEARNER);
  await expect(page.getByRole("heading", { level: 1, name: "マイ研修" })).toBeVisible();
  await picture(page, "02-learner-home");
  await page.getByRole("link", { name: "可搬記憶媒体と庁外への持出し" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "可搬記憶媒体と庁外への持出し" })).toBeVisible();
  await expect(page.locator("p.reading-needed, p.reading-viewed").first()).toBeVisible();
  await picture(page, "03-module-player");
  await page.goto("/modules/removable-media/quiz");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("確認テスト");
  await picture(page, "04-quiz");
});

test("a trainer's tasks", async ({ page }, testInfo) => {
  await logIn(page, testInfo, TRAINER);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/trainer");
  await expect(page.getByRole("heading", { level: 1, name: "研修の作成・管理" })).toBeVisible();
  await picture(page, "05-trainer-modules");
  await page.goto("/trainer/modules/classification");
  await expect(page.getByRole("navigation", { name: "編集する内容" })).toBeVisible();
  await picture(page, "06-module-editor");
  await page.goto("/trainer/modules/classification?tab=publish");
  await expect(page.getByRole("heading", { name: /割当て/ }).first()).toBeVisible();
  await picture(page, "07-assign");
  await page.goto("/reports");
  await expect(page.getByRole("heading", { level: 1, name: "研修の受講状況" })).toBeVisible();
  await picture(page, "08-reports");
});

test("a manager's tasks", async ({ page }, testInfo) => {
  await logIn(page, testInfo, MANAGER);
  await expect(page.getByRole("heading", { level: 1, name: "所属職員の状況" })).toBeVisible();
  await expect(page.getByRole("table", { name: /^研修ごとの受講期限と状況/ })).toBeVisible();
  await picture(page, "09-manager");
});

test("an admin's tasks", async ({ page }, testInfo) => {
  await logIn(page, testInfo, ADMIN);
  await expect(page.getByRole("heading", { level: 1, name: "職員名簿" })).toBeVisible();
  await picture(page, "10-staff-directory");
  await page.goto("/admin/staff?tab=import");
  await expect(page.getByRole("heading", { level: 2, name: /^名簿の取込/ })).toBeVisible();
  await picture(page, "11-staff-import");
  await page.goto("/admin/mail");
  await expect(page.getByRole("heading", { level: 1, name: "メールと督促の設定" })).toBeVisible();
  await picture(page, "12-mail");
  await page.goto("/admin/inspection");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await picture(page, "13-inspection-admin");
});
