import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import * as XLSX from "xlsx";
import {
  ADMIN, FISCAL_YEAR as YEAR, LEARNER, MANAGER, TRAINER, csvRows, expectAccessible, fixture, hydrated, logIn, settle,
} from "./helpers";

// The demo's self-inspection of this fiscal year is open, and the demo accounts have not
// answered it. Each project answers as a different person (both run at once), so the
// admin's counts are compared as "more than before", not "one more".

/** "（対象 361 人中 N 人提出）" → N. */
async function submittedCount(page: Page): Promise<number> {
  const text = await page.locator("#coverage").innerText();
  const match = text.match(/(\d+) 人中 (\d+) 人提出/);
  expect(match, text).not.toBeNull();
  return Number(match![2]);
}

test("a learner drafts, submits and sees their answers; the admin's figures and lists follow", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const answering = hydrated(testInfo) ? TRAINER : LEARNER;

  // The admin: the campaigns, then this year's results.
  await logIn(page, testInfo, ADMIN);
  await page.getByRole("link", { name: "自己点検の管理" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "自己点検の管理" })).toBeVisible();
  await settle(page, testInfo);
  await expectAccessible(page, testInfo);
  // The demo's two, and the ones the other test creates meanwhile.
  await expect(page.getByRole("table", { name: "自己点検の一覧" }).locator("tbody tr").nth(1)).toBeVisible();
  await page.goto(`/inspection/${YEAR}/results`);
  await expect(page.getByRole("heading", { level: 1, name: /自己点検の結果/ })).toBeVisible();
  await settle(page, testInfo);
  await expectAccessible(page, testInfo);
  await expect(page.getByRole("table", { name: "表１ 実施主体別の到達率" }).locator("tbody tr")).toHaveCount(3);
  const before = await submittedCount(page);
  await expect(page.locator("#non-submitters")).toContainText(answering);

  // The learner, in a browser of their own.
  const context = await browser.newContext({ javaScriptEnabled: hydrated(testInfo), locale: "ja-JP" });
  const learner = await context.newPage();
  await logIn(learner, testInfo, answering);
  await expect(learner.getByRole("heading", { level: 1, name: "マイ研修" })).toBeVisible();
  // Their home page tells them of the open self-inspection and its deadline.
  const pending = learner.locator("p.pending-inspection").filter({ hasText: `（${YEAR}年度）の自己点検が未提出です（回答期限 ` });
  await expect(pending).toHaveCount(1);
  await learner.getByRole("link", { name: "自己点検", exact: true }).click();
  await expect(learner.getByRole("heading", { level: 1, name: "自己点検" })).toBeVisible();
  await settle(learner, testInfo);
  await expectAccessible(learner, testInfo);
  await learner.getByRole("link", { name: "回答する" }).click();
  await expect(learner.getByRole("heading", { level: 1, name: /自己点検$/ })).toBeVisible();
  await settle(learner, testInfo);
  await expectAccessible(learner, testInfo);
  await expect(learner.locator("#sheet-status")).toHaveText("未提出");

  // The item answered by training is shown, locked: no buttons of its own.
  const derived = learner.getByRole("group", { name: /^S06 / });
  await expect(derived).toContainText("研修「可搬記憶媒体と庁外への持出し」");
  await expect(derived.getByRole("radio")).toHaveCount(0);

  // A draft keeps what was chosen; submitting it half-done is refused with the items named.
  const yes = learner.getByRole("radio", { name: "実施している", exact: true });
  const typed = await yes.count();
  expect(typed).toBeGreaterThanOrEqual(5);
  await yes.first().check();
  await learner.getByRole("button", { name: "下書きを保存" }).click();
  await expect(learner.getByText("下書きが保存されています")).toBeVisible();
  if (hydrated(testInfo)) await expect(learner.getByRole("status").filter({ hasText: "下書きを保存しました。" })).toBeVisible();
  await expect(yes.first()).toBeChecked();
  await learner.getByRole("button", { name: "提出する" }).click();
  await expect(learner.getByRole("alert")).toContainText("未回答の項目があります");
  await expect(learner.locator("#sheet-status")).toHaveText("未提出");

  // Everything answered (S02 not carried out): submitted, and kept in the history.
  await settle(learner, testInfo);
  for (let i = 0; i < typed; i++) {
    await yes.nth(i).check();
  }
  await learner
    .getByRole("group", { name: /^S02 / })
    .getByRole("radio", { name: "実施していない", exact: true })
    .check();
  await learner.getByRole("button", { name: "提出する" }).click();
  await expect(learner.locator("#sheet-status")).toContainText("提出済み");
  if (hydrated(testInfo)) await expect(learner.getByRole("status").filter({ hasText: "提出しました。回答は集計に含まれます。" })).toBeVisible();
  const history = learner.getByRole("table", { name: "回答の履歴" });
  await expect(history.locator("tbody tr")).toHaveCount(1);
  await expect(history).toContainText("S02: 実施していない");
  await expectAccessible(learner, testInfo);
  // A draft saved after submitting says that the submitted answers still count.
  await settle(learner, testInfo);
  await learner.getByRole("button", { name: "下書きを保存" }).click();
  await expect(learner.getByText(/^提出の後に保存した下書きがあります。集計には提出済みの回答が含まれます。/)).toBeVisible();
  await expect(learner.getByText(/提出するまで集計には含まれません/)).toHaveCount(0);
  await expect(learner.locator("#sheet-status")).toContainText("提出済み");
  await learner.goto("/");
  await expect(learner.getByRole("heading", { level: 1, name: "マイ研修" })).toBeVisible();
  await settle(learner, testInfo);
  await expect(pending).toHaveCount(0);
  await context.close();

  // The admin's figures count them now, and the list of non-submitters has let them go.
  await page.reload();
  await settle(page, testInfo);
  expect(await submittedCount(page)).toBeGreaterThan(before);
  await expect(page.locator("#non-submitters")).not.toContainText(answering);

  // Table 1 as CSV and as a workbook says the same as the page.
  const table = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "把握率・対策実施率・到達率" }) });
  const csv = page.waitForEvent("download");
  await table.getByRole("link", { name: /^CSV/ }).click();
  const rows = csvRows(readFileSync(await (await csv).path(), "utf8"));
  expect(rows[0][0]).toBe("実施主体");
  expect(rows[1][0]).toBe("全体");
  expect(Number(rows[1][2])).toBeGreaterThan(before);
  expect(rows.map((r) => r[0])).toContain("行政事務従事者");
  const xlsx = page.waitForEvent("download");
  await table.getByRole("link", { name: /^Excel/ }).click();
  const sheet = XLSX.readFile(await (await xlsx).path());
  const cells = XLSX.utils.sheet_to_json<unknown[]>(sheet.Sheets[sheet.SheetNames[0]], { header: 1 });
  expect(cells[1][0]).toBe("全体");
  expect(Number(cells[1][2])).toBe(Number(rows[1][2]));
});

test("a manager sees their divisions' submissions but not the agency's figures", async ({ page }, testInfo) => {
  await logIn(page, testInfo, MANAGER);
  await page.waitForURL("**/manager");
  await page.goto(`/inspection/${YEAR}/results`);
  await expect(page.getByRole("heading", { level: 2, name: "課別の提出状況" })).toBeVisible();
  await settle(page, testInfo);
  await expectAccessible(page, testInfo);
  await expect(page.locator("#division-status tbody tr")).toHaveCount(1);
  await expect(page.locator("#division-status tbody tr")).toContainText("消費者安全課");
  await expect(page.getByRole("heading", { level: 2, name: "把握率・対策実施率・到達率" })).toHaveCount(0);
  const table1 = await page.request.get(`/inspection/${YEAR}/table1.csv`);
  expect(table1.status()).toBe(403);
});

test("an admin creates a campaign, imports its items, then adds, links, mends and removes one", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  // One new fiscal year per project: both run at once.
  const year = YEAR + (hydrated(testInfo) ? 2 : 1);
  await logIn(page, testInfo, ADMIN);
  await page.waitForURL("**/admin/staff");
  await page.goto("/admin/inspection");
  await settle(page, testInfo);
  const create = page.locator("section").filter({ has: page.getByRole("heading", { name: "新しい自己点検を作成" }) });
  const fill = async (closes: string) => {
    await create.getByLabel(/^年度/).fill(String(year));
    await create.getByLabel("回答開始日").fill(`${year + 1}-02-01`);
    await create.getByLabel("回答終了日").fill(closes);
    await create.getByRole("button", { name: "作成する" }).click();
  };
  await fill(`${year + 1}-01-15`);
  await expect(create.getByRole("alert")).toContainText("回答期間");
  await settle(page, testInfo);
  await fill(`${year + 1}-02-28`);
  await expect(page.getByRole("heading", { level: 1, name: /自己点検の設定/ })).toBeVisible();
  await settle(page, testInfo);
  await expect(page.getByLabel("基準日", { exact: true })).toHaveValue(`${year + 1}-03-31`);
  await expectAccessible(page, testInfo);

  // A bad file changes nothing and names its lines; a good one replaces the items.
  await page.getByLabel("items.csv ファイル").setInputFiles(fixture("items-bad.csv"));
  await page.getByRole("button", { name: "取り込む" }).click();
  await expect(page.locator("#items-file-error")).toContainText("2 行目：");
  await expect(page.locator("#items-file-error")).toContainText("3 行目：");
  await expect(page.getByText("項目はまだありません。")).toBeVisible();
  await page.getByLabel("items.csv ファイル").setInputFiles(fixture("items.csv"));
  await page.getByRole("button", { name: "取り込む" }).click();
  await expect(page.getByText("3 項目を取り込みました。")).toBeVisible();
  const items = page.getByRole("table", { name: "遵守事項の一覧" });
  // A row's cells after its item ID: group, text, module, then the edit form.
  const moduleOf = (code: string) => items.getByRole("row", { name: new RegExp(code) }).getByRole("cell").nth(2);
  await expect(items.locator("tbody tr")).toHaveCount(3);
  await expect(moduleOf("S02")).toHaveText("可搬記憶媒体と庁外への持出し");
  await expect(moduleOf("S01")).toHaveText("");
  await settle(page, testInfo);

  // Add one linked to a module, mend its wording and unlink it, then remove it.
  await page.getByLabel("項目", { exact: true }).fill("Y01");
  await page.getByLabel("実施主体", { exact: true }).selectOption("system");
  await page.locator("#new-item-text").fill("アクセス記録を確認している");
  await page.locator("#new-item-module").selectOption({ label: "情報の格付けと取扱制限" });
  await page.getByRole("button", { name: "追加する" }).click();
  const added = items.getByRole("row", { name: /Y01/ });
  await expect(moduleOf("Y01")).toHaveText("情報の格付けと取扱制限");
  await expect(added).toContainText("情報システムセキュリティ責任者・管理者");
  await settle(page, testInfo);
  await added.getByText("編集").click();
  await page.locator("#item-Y01-text").fill("アクセス記録を毎月確認している");
  await page.locator("#item-Y01-module").selectOption("");
  await added.getByRole("button", { name: "項目を保存" }).click();
  await expect(items.getByRole("row", { name: /Y01/ })).toContainText("アクセス記録を毎月確認している");
  await expect(moduleOf("Y01")).toHaveText("");
  await expectAccessible(page, testInfo);
  await settle(page, testInfo);
  // Its form may still be open from the edit, or drawn anew (closed) with the saved item.
  const row = items.getByRole("row", { name: /Y01/ });
  const remove = row.getByRole("button", { name: "削除 Y01" });
  await expect(async () => {
    if (!(await remove.isVisible())) await row.getByText("編集").click();
    await expect(remove).toBeVisible({ timeout: 1000 });
  }).toPass();
  await remove.click();
  await expect(items.locator("tbody tr")).toHaveCount(3);
});
