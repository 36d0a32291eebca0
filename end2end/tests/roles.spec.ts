import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import {
  ADMIN, DIRECTORY_SIZE, LEARNER, MANAGER, TRAINER, confirmAction, expectAccessible, hydrated, logIn,
  settle,
} from "./helpers";

test("the login page is Japanese and lists the demo accounts", async ({ page }, testInfo) => {
  await page.goto("/login");
  await settle(page, testInfo);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("heading", { level: 1, name: "ログイン" })).toBeVisible();
  const demo = page.getByRole("region", { name: "デモ用アカウント" });
  for (const id of [ADMIN, MANAGER, TRAINER, LEARNER]) {
    await expect(demo.getByRole("cell", { name: id })).toBeVisible();
  }
  await expectAccessible(page, testInfo);
});

test("a wrong password is refused with a message, and nothing is lost", async ({ page }, testInfo) => {
  await logIn(page, testInfo, ADMIN, "not-the-password");
  await expect(page.getByRole("alert")).toContainText("パスワードが正しくありません");
  await expect(page).toHaveURL(/\/login/);
  await expectAccessible(page, testInfo);
});

test("a learner lands on their training and sees no admin menu", async ({ page }, testInfo) => {
  await logIn(page, testInfo, LEARNER);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "マイ研修" })).toBeVisible();
  await expect(page.locator(".fiscal-year")).toContainText(/令和\d+年度/);
  // The demo's three modules (and any a parallel test assigns), soonest due first: the first
  // is past its due date.
  const cards = page.locator("li.module-card");
  await expect(cards.filter({ hasText: "可搬記憶媒体と庁外への持出し" })).toContainText("未受講");
  await expect(cards.first()).toContainText("情報の格付けと取扱制限");
  await expect(cards.first()).toContainText("期限超過");
  const menu = page.getByRole("navigation", { name: "メインメニュー" });
  await expect(menu.getByRole("link", { name: "マイ研修" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "職員名簿" })).toHaveCount(0);
  await expect(menu.getByRole("link", { name: "所属職員" })).toHaveCount(0);
  await expectAccessible(page, testInfo);

  await page.goto("/admin/staff");
  await settle(page, testInfo);
  await expect(page.getByRole("heading", { name: "このページを表示する権限がありません。" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await expectAccessible(page, testInfo);
});

test("a learner's direct call to an admin server function is refused", async ({ page }, testInfo) => {
  await logIn(page, testInfo, LEARNER);
  await expect(page.getByRole("heading", { level: 1, name: "マイ研修" })).toBeVisible();
  // The page's own cookies, but a hand-made request: the server must refuse it.
  const response = await page.request.post("/api/search_staff", { form: { query: "", page: "1" } });
  expect([401, 403]).toContain(response.status());
  expect(await response.text()).not.toContain(ADMIN);
  const anonymous = await page.request.post("/api/managed_staff", { headers: { cookie: "" }, form: {} });
  expect([401, 403]).toContain(anonymous.status());
});

test("a manager sees the staff of their own division only", async ({ page }, testInfo) => {
  await logIn(page, testInfo, MANAGER);
  await expect(page).toHaveURL(/\/manager$/);
  await expect(page.getByRole("heading", { level: 1, name: "所属職員の状況" })).toBeVisible();
  const table = page.getByRole("table", { name: /消費者安全課（45 名）/ });
  await expect(table.locator("tbody tr")).toHaveCount(45);
  const divisions = await table.locator("tbody tr td:nth-child(4)").allTextContents();
  expect(new Set(divisions)).toEqual(new Set(["消費者安全課"]));
  await expectAccessible(page, testInfo);
});

test("an admin searches and pages through the staff directory", async ({ page }, testInfo) => {
  // Two 50-row pages and their accessibility checks: near 30 s on a loaded machine.
  test.setTimeout(60_000);
  await logIn(page, testInfo, ADMIN);
  await expect(page).toHaveURL(/\/admin\/staff$/);
  await expect(page.getByRole("status")).toHaveText(new RegExp(`^${DIRECTORY_SIZE} 件中 1〜50 件を表示$`));
  await expect(page.locator("tbody tr")).toHaveCount(50);
  await expectAccessible(page, testInfo);

  await page.getByRole("link", { name: "次のページ" }).click();
  await expect(page.getByRole("status")).toHaveText(new RegExp(`^${DIRECTORY_SIZE} 件中 51〜100 件を表示$`));
  await expect(page.locator("tbody tr").first()).toContainText("E0051");

  await page.getByLabel("検索（職員番号・氏名・メールアドレス・課）").fill("食品表示課");
  await page.getByRole("button", { name: "検索" }).click();
  await expect(page.getByRole("status")).toHaveText("36 件中 1〜36 件を表示");
  await expect(page).toHaveURL(/q=/);
  await expectAccessible(page, testInfo);

  // The directory as staff.csv, as Excel wants it.
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "CSV をダウンロード" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^staff-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), "utf8");
  expect(csv.startsWith("\ufeffemployee_id,name,email,division,roles,active_from,active_until")).toBe(true);
  // The header, and everyone on staff today.
  expect(String(csv.trim().split("\r\n").length - 1)).toMatch(new RegExp(`^${DIRECTORY_SIZE}$`));

  // A person's page, with their division and role history.
  await page.getByLabel("検索（職員番号・氏名・メールアドレス・課）").fill(MANAGER);
  await page.getByRole("button", { name: "検索" }).click();
  await page.getByRole("link", { name: MANAGER }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/staff/${MANAGER}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(MANAGER);
  await expect(page.getByRole("heading", { name: "所属の履歴" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "消費者安全課" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "情報セキュリティ責任者", exact: true })).toBeVisible();
  await expectAccessible(page, testInfo);
});

test("logging out returns to the login page and closes the session", async ({ page }, testInfo) => {
  await logIn(page, testInfo, TRAINER);
  await expect(page.getByRole("heading", { level: 1, name: "マイ研修" })).toBeVisible();
  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});

test("the language switch shows the pages in English", async ({ page }, testInfo) => {
  await logIn(page, testInfo, LEARNER);
  await expect(page.getByRole("heading", { level: 1, name: "マイ研修" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "My training" })).toBeVisible();
  await expect(page.locator(".fiscal-year")).toContainText(/FY\d{4} \(Reiwa \d+\)/);
  await settle(page, testInfo);
  await expectAccessible(page, testInfo);
  await page.getByRole("button", { name: "日本語" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "マイ研修" })).toBeVisible();
});

test("the hydrated app navigates without reloading the page", async ({ page }, testInfo) => {
  test.skip(!hydrated(testInfo), "needs JavaScript");
  await logIn(page, testInfo, ADMIN);
  await expect(page.getByRole("status")).toHaveText(new RegExp(`^${DIRECTORY_SIZE} 件中 1〜50 件を表示$`));
  await settle(page, testInfo);
  // A full page load would drop this marker; client-side routing keeps it.
  await page.evaluate(() => ((window as unknown as { mamoriMarker: number }).mamoriMarker = 42));
  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "マイ研修" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "マイ研修" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { mamoriMarker?: number }).mamoriMarker)).toBe(42);
});

test("an admin records that a person left, and the change is audited", async ({ page }, testInfo) => {
  // A different person per project, so that the two runs do not meet.
  const person = hydrated(testInfo) ? "E0302" : "E0301";
  await logIn(page, testInfo, ADMIN);
  await expect(page).toHaveURL(/\/admin\/staff$/);
  await page.goto(`/admin/staff/${person}`);
  await settle(page, testInfo);
  await expect(page.getByText("変更の記録はありません。")).toBeVisible();
  await expectAccessible(page, testInfo);
  await confirmAction(page, "本日付で退職として記録する", "退職として記録する");
  const changes = page.getByRole("table").filter({ hasText: "退職の記録" });
  await expect(changes.getByRole("cell", { name: ADMIN })).toBeVisible();
  await expect(page.getByText("本日付で退職として記録する")).toHaveCount(0);
  await expectAccessible(page, testInfo);
});
