import { expect, test, type Page, type TestInfo } from "@playwright/test";
import {
  ADMIN, FISCAL_YEAR, MANAGER, TRAINER, chooseLanguage, expectWordedIn, logIn, pick, settle,
  startModule, type Language, confirmAction, editorPart,
} from "./helpers";

// Issue 18: a Japanese page never shows an English sentence. Each test triggers one refusal
// on a Japanese page, then on an English one, and reads the message shown. Every refusal
// changes nothing, so it can be repeated; forms are found by their ids, not their labels,
// which change with the language.
const LANGUAGES: Language[] = ["ja", "en"];

/** Logs in (on the Japanese login page) and waits to be let in. */
async function logInAs(page: Page, testInfo: TestInfo, who: string) {
  await logIn(page, testInfo, who);
  await expect(page).not.toHaveURL(/\/login/);
}

/** Loads `path` in `language`. */
async function open(page: Page, testInfo: TestInfo, path: string, language: Language) {
  await chooseLanguage(page, language);
  await page.goto(path);
  await settle(page, testInfo);
  await expect(page.locator("html")).toHaveAttribute("lang", language);
}

test("a staff file with a bad row: the preview words the row's reason in the page's language", async ({ page }, testInfo) => {
  // A newcomer of next April no other test uses, with a role that does not exist: the only
  // bad row, so the directory stays as it is.
  const id = pick(testInfo, "E9201", "E9202");
  const joins = `${new Date().getFullYear() + 1}-04-01`;
  await logInAs(page, testInfo, ADMIN);
  for (const language of LANGUAGES) {
    await open(page, testInfo, "/admin/staff?tab=import", language);
    const csv = `employee_id,name,email,division,roles,active_from,active_until\r\n${id},拒否 太郎,${id.toLowerCase()}@agency.example,総務課,wizard,${joins},\r\n`;
    await page.locator("#import-file").setInputFiles({ name: "staff.csv", mimeType: "text/csv", buffer: Buffer.from(`\ufeff${csv}`) });
    await page.locator('form[action="/admin/staff/import"] button[type=submit]').click();
    await expect(page).toHaveURL(/\/admin\/staff\/import\/\d+$/);
    await settle(page, testInfo);
    const row = page.locator("table.bad-rows tbody tr");
    await expect(row).toHaveCount(1);
    await expect(row.locator("td").first()).toHaveText("2");
    await expect(row.locator("td").nth(1)).toContainText("wizard");
    await expectWordedIn(page.getByRole("alert"), language);
    await expectWordedIn(row.locator("td").nth(1), language);
    // Nothing can be imported from it.
    await expect(page.locator("input[name=upload_id]")).toHaveCount(0);
  }
});

test("a quiz import with an essay question: refused with its line, in the page's language", async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const slug = pick(testInfo, "refusals-quiz-nojs", "refusals-quiz-js");
  await logInAs(page, testInfo, TRAINER);
  await startModule(page, testInfo, pick(testInfo, "拒否確認 問題 A", "拒否確認 問題 B"), slug);
  for (const language of LANGUAGES) {
    await open(page, testInfo, `/trainer/modules/${slug}?tab=quiz`, language);
    // A good question on line 1, the essay on line 3.
    await page.locator("#import-text").fill("::私物::私物の USB メモリを業務に使ってよい。{F}\n\n::感想::感想をどうぞ {}\n");
    await page.locator("form:has(#import-text) button[type=submit]").click();
    const lines = page.locator("#import-questions-error .lines");
    await expect(lines).toContainText(/\b3\b/);
    await expectWordedIn(page.locator("#import-questions-error > p").first(), language);
    await expectWordedIn(lines, language);
    // All or nothing: the good question was not imported either.
    await expect(page.locator("section[aria-labelledby=quiz-heading] .empty-state")).toBeVisible();
  }
});

test("a module assigned twice to the same people this year: refused in the page's language", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  // A module of its own, assigned to everyone once (as other specs' modules are).
  const slug = pick(testInfo, "refusals-assign-nojs", "refusals-assign-js");
  await logInAs(page, testInfo, TRAINER);
  await startModule(page, testInfo, pick(testInfo, "重複割当 A", "重複割当 B"), slug);
  await page.getByLabel("ページの題名").fill("重複割当");
  await page.getByLabel(/^本文/).fill("二度目の割当ては断られます。");
  await page.getByLabel("最低閲覧時間（秒）").fill("0");
  await page.getByRole("button", { name: "ページを追加" }).click();
  await expect(page.locator("article.material-preview")).toHaveCount(1);
  await editorPart(page, testInfo, "公開と割当て");
  await confirmAction(page, "この内容で公開する", "公開する");
  await expect(page.getByText("公開中（第1版）")).toBeVisible();
  await page.getByLabel("全職員", { exact: true }).check();
  await page.getByLabel(/^期日/).fill("2099-03-31");
  await page.getByRole("button", { name: "割り当てる" }).click();
  await expect(page.getByRole("cell", { name: "全職員" })).toBeVisible();
  const assignments = page.locator("th[id^=assignment-]");
  await expect(assignments).toHaveCount(1);

  for (const language of LANGUAGES) {
    await open(page, testInfo, `/trainer/modules/${slug}?tab=publish`, language);
    await page.locator("#assign-target-everyone").check();
    await page.locator("#assign-due").fill("2099-03-31");
    await page.locator("form:has(#assign-due) button[type=submit]").click();
    await expectWordedIn(page.locator("#assign-error"), language);
    await expect(assignments).toHaveCount(1);
  }
});

test("a self-inspection submitted with an answer missing: refused in the page's language", async ({ page }, testInfo) => {
  // Not the people inspection.spec.ts has submit (the learner and the trainer): a refused
  // submission saves nothing, so these stay unanswered for the others' counts.
  await logInAs(page, testInfo, pick(testInfo, ADMIN, MANAGER));
  for (const language of LANGUAGES) {
    await open(page, testInfo, `/inspection/${FISCAL_YEAR}`, language);
    const status = await page.locator("#sheet-status").innerText();
    // One item answered, the others not.
    await page.locator(".inspection-sheet input[type=radio]").first().check();
    await page.locator("button[name=submit][value=true]").click();
    await expectWordedIn(page.locator("#sheet-error"), language);
    await expect(page.locator("#sheet-status")).toHaveText(status);
  }
});

test("a document over the size limit: refused in the page's language", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const slug = pick(testInfo, "refusals-upload-nojs", "refusals-upload-js");
  await logInAs(page, testInfo, TRAINER);
  await startModule(page, testInfo, pick(testInfo, "拒否確認 文書 A", "拒否確認 文書 B"), slug);
  // A PDF one byte over the 20 MB that documents may have.
  const big = Buffer.alloc(20 * 1024 * 1024 + 1, " ");
  big.write("%PDF-1.4\n");
  for (const language of LANGUAGES) {
    await open(page, testInfo, `/trainer/modules/${slug}`, language);
    await page.locator("#document-title").fill("大きすぎる規程");
    await page.locator("#document-file").setInputFiles({ name: "big.pdf", mimeType: "application/pdf", buffer: big });
    await page.locator("form:has(#document-file) button[type=submit]").click();
    await expect(page).toHaveURL(/upload_error=file_too_large/);
    await settle(page, testInfo);
    await expectWordedIn(page.locator("#document-error"), language);
    await expect(page.locator("article.material-preview")).toHaveCount(0);
  }
});
