import { expect, test, type Locator, type TestInfo } from "@playwright/test";
import { ADMIN, LEARNER, expectAccessible, hydrated, logIn, mailTo, settle } from "./helpers";

/** Each project saves its own values; the two runs share one server. */
const pick = (testInfo: TestInfo, noJs: string, withJs: string) => (hydrated(testInfo) ? withJs : noJs);

/**
 * "Saved" is shown by the hydrated page; a plain form post returns to the page instead, and
 * the values read back after a reload show it was kept.
 */
async function savedShown(section: Locator, testInfo: TestInfo) {
  if (hydrated(testInfo)) {
    await expect(section.getByRole("status")).toHaveText("保存しました。");
  } else {
    await expect(section.getByRole("alert")).toHaveCount(0);
  }
}

test("an admin reads the outbox and changes the reminder policy, a template and the holidays", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await logIn(page, testInfo, ADMIN);
  await page.getByRole("link", { name: "メール", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "メールと督促の設定" })).toBeVisible();
  await settle(page, testInfo);
  const outbox = page.getByRole("region", { name: "送信状況" });
  await expect(outbox.locator("ul.counts li")).toHaveCount(4);
  await outbox.getByLabel("状態", { exact: true }).selectOption("sent");
  await outbox.getByRole("button", { name: "表示" }).click();
  await expect(page).toHaveURL(/status=sent/);
  await expectAccessible(page, testInfo);

  // The policy: a day that is not a number is refused, with nothing lost; then it is kept.
  const policy = page.getByRole("region", { name: "督促の方針（既定）" });
  const days = pick(testInfo, "14, 7", "10, 3");
  await policy.getByLabel(/^期限の何日前に督促するか/).fill("14, x");
  await policy.getByRole("button", { name: "督促の方針を保存" }).click();
  await expect(policy.getByRole("alert")).toContainText("「x」は 1〜365 の日数ではありません。");
  await settle(page, testInfo);
  await policy.getByLabel(/^期限の何日前に督促するか/).fill(days);
  await policy.getByLabel("期限当日に督促する").uncheck();
  await policy.getByRole("button", { name: "督促の方針を保存" }).click();
  await savedShown(policy, testInfo);
  await page.reload();
  await settle(page, testInfo);
  await expect(policy.getByLabel(/^期限の何日前に督促するか/)).toHaveValue(/^(14, 7|10, 3)$/);
  await expect(policy.getByLabel("期限当日に督促する")).not.toBeChecked();

  // A template with an unknown placeholder is refused and names the ones it knows.
  const templates = page.getByRole("region", { name: "メールの文面" });
  await templates.getByText("受講のお知らせ", { exact: true }).click();
  const subject = templates.locator("#template-notice-subject");
  await subject.fill("【守り】{modul} の受講のお願い");
  await templates.getByRole("button", { name: "文面を保存" }).first().click();
  await expect(templates.getByRole("alert")).toContainText("{modul} はこのメールでは使えません。");
  await settle(page, testInfo);
  if (!hydrated(testInfo)) {
    await templates.getByText("受講のお知らせ", { exact: true }).click();
  }
  await templates.locator("#template-notice-subject").fill("【守り】研修「{module}」の受講のお願い");
  await templates.getByRole("button", { name: "文面を保存" }).first().click();
  await savedShown(templates, testInfo);
  await page.reload();
  await expect(page.locator("#template-notice-subject")).toHaveValue("【守り】研修「{module}」の受講のお願い");

  // The holiday list: a bad line changes nothing and says where; a good list is kept.
  const holidays = page.getByRole("region", { name: "休日（メールを送らない日）" });
  const list = holidays.getByLabel("休日の一覧（CSV）");
  await expect(list).toHaveValue(/2026-11-23,勤労感謝の日/);
  const current = await list.inputValue();
  await list.fill(`${current}2099-13-01,誤り\n`);
  await holidays.getByRole("button", { name: "休日の一覧を保存" }).click();
  await expect(holidays.getByRole("alert")).toContainText("「2099-13-01」は YYYY-MM-DD 形式の日付ではありません");
  await settle(page, testInfo);
  const day = pick(testInfo, "2099-01-05", "2099-01-06");
  await holidays.getByLabel("休日の一覧（CSV）").fill(`${current}${day},試験用の休日\n`);
  await holidays.getByRole("button", { name: "休日の一覧を保存" }).click();
  await savedShown(holidays, testInfo);
  await page.reload();
  await expect(page.getByLabel("休日の一覧（CSV）")).toHaveValue(/2099-01-0[56],試験用の休日/);
  await settle(page, testInfo);
  await expectAccessible(page, testInfo);
});

test("an admin previews a template as typed and mails it to themselves before saving it", async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  await logIn(page, testInfo, ADMIN);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/admin/mail");
  await settle(page, testInfo);
  // When reminders are made: always said, and outside those hours, when they resume.
  const outbox = page.getByRole("region", { name: "送信状況" });
  await expect(outbox.getByText(/業務日（土日・祝日を除く）の 9:00〜18:00/)).toBeVisible();
  const resume = outbox.locator("#reminders-resume");
  if ((await resume.count()) > 0) await expect(resume).toContainText(/\d+月\d+日 09:00 にここに現れて送信されます/);

  const templates = page.getByRole("region", { name: "メールの文面" });
  await templates.getByText("期限超過のお知らせ", { exact: true }).click();
  const form = templates.locator("details[open]");
  const preview = form.getByRole("region", { name: /^プレビュー/ });
  // The saved wording, filled in: the admin's own name, a sample module five days overdue.
  await expect(preview).toContainText("様");
  await expect(preview).toContainText("情報の格付けと取扱制限（見本）");
  await expect(preview).toContainText("5 日過ぎています");
  const marker = pick(testInfo, "試験送信-A", "試験送信-B");
  await form.getByLabel("本文").fill(`{name} 様\n${marker}: {module} は {days_overdue} 日の遅れです。\n{link}`);
  if (hydrated(testInfo)) {
    // The preview follows the typing, before anything is saved.
    await expect(preview).toContainText(`${marker}: 情報の格付けと取扱制限（見本） は 5 日の遅れです。`);
  }
  await expectAccessible(page, testInfo);
  await form.getByRole("button", { name: "自分あてにテスト送信" }).click();
  if (hydrated(testInfo)) {
    await expect(templates.getByRole("status")).toContainText("テストメールを");
  }
  // The mail arrives over SMTP, marked as a test; the wording itself was not saved.
  await page.goto("/admin/mail?status=");
  const row = page.getByRole("row").filter({ hasText: "【テスト送信】" }).first();
  await expect(row).toBeVisible();
  const address = (await row.locator("td").filter({ hasText: "@" }).first().textContent())!.trim();
  const body = await mailTo(address, marker);
  expect(body).toContain(`${marker}: 情報の格付けと取扱制限（見本） は 5 日の遅れです。`);
  await page.getByRole("region", { name: "メールの文面" }).getByText("期限超過のお知らせ", { exact: true }).click();
  await expect(page.locator("#template-overdue-body")).not.toHaveValue(new RegExp(marker));
});

test("a learner finds the mail sent to them on their home page", async ({ page }, testInfo) => {
  await logIn(page, testInfo, LEARNER);
  const mail = page.locator("details").filter({ hasText: "受け取ったお知らせメール" });
  await mail.locator("summary").click();
  await expect(mail.getByText(/メールはありません|受講のお知らせ|期限/).first()).toBeVisible();
  await expectAccessible(page, testInfo);
});
