import { expect, test } from "@playwright/test";
import {
  LEARNER, TRAINER, expectAccessible, fixture, hydrated, logIn, settle, startModule, uploadSection,
} from "./helpers";

const POOL = `// 確認テスト
::許可::機密性３情報を庁外へ持ち出すときに必要なものは？ {=上長の許可 ~特になし#許可が必要です ####持出しは許可制です。}

::私物::私物の USB メモリを業務に使ってよい。{F}
`;

test("a trainer imports a GIFT quiz; a learner fails it, retakes it, passes, and the module completes", async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  // A page that fails to hydrate still works as plain forms; catch that here.
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  const slug = hydrated(testInfo) ? "quiz-js" : "quiz-nojs";
  const title = hydrated(testInfo) ? "持出しの確認 B" : "持出しの確認 A";
  await logIn(page, testInfo, TRAINER);
  await startModule(page, testInfo, title, slug);

  // A document, which counts once opened (with or without JavaScript).
  const documents = uploadSection(page, "文書（PDF・画像）を追加");
  await documents.getByLabel("資料の題名").fill("持出しの規程");
  await documents.getByLabel(/^ファイル/).setInputFiles(fixture("rules.pdf"));
  await documents.getByRole("button", { name: "文書を追加" }).click();
  await expect(page.getByRole("status").filter({ hasText: "資料を追加しました。" })).toBeVisible();
  await settle(page, testInfo);

  // An essay question is refused with its line, and nothing is imported; then the pool.
  await page.getByLabel(/^問題（GIFT/).fill(POOL + "\n::感想::感想をどうぞ {}\n");
  await page.getByRole("button", { name: "取り込む" }).click();
  await expect(page.getByRole("alert")).toContainText("6: essay questions are not supported");
  await expect(page.getByText("問題はまだありません。")).toBeVisible();
  await page.getByLabel(/^問題（GIFT/).fill(POOL);
  await page.getByRole("button", { name: "取り込む" }).click();
  await expect(page.getByRole("table", { name: "問題プール" }).locator("tbody tr")).toHaveCount(2);
  if (hydrated(testInfo)) {
    await expect(page.getByRole("status").filter({ hasText: "2 問を取り込みました。" })).toBeVisible();
  }
  await expectAccessible(page, testInfo);
  await page.getByRole("button", { name: "この内容で公開する" }).click();
  await expect(page.getByText("公開中（第1版）")).toBeVisible();
  await page.getByLabel(/^期日/).fill("2099-03-31");
  await page.getByRole("button", { name: "割り当てる" }).click();
  await expect(page.getByRole("cell", { name: "全職員" })).toBeVisible();
  expect(pageErrors).toEqual([]);

  const context = await browser.newContext({ javaScriptEnabled: hydrated(testInfo), locale: "ja-JP" });
  const learner = await context.newPage();
  await logIn(learner, testInfo, LEARNER);
  await learner.locator("li.module-card").filter({ hasText: title }).getByRole("link", { name: title }).click();
  await expect(learner.getByRole("heading", { level: 2, name: "持出しの規程" })).toBeVisible();
  await settle(learner, testInfo);
  const popup = learner.waitForEvent("popup");
  await learner.getByRole("link", { name: /^資料を開く/ }).click();
  await (await popup).close();
  await learner.getByRole("link", { name: "確認テストを受ける" }).click();
  await expect(learner.getByRole("heading", { level: 1, name: `確認テスト: ${title}` })).toBeVisible();
  await settle(learner, testInfo);
  await expectAccessible(learner, testInfo);

  const attempt = async (right: boolean) => {
    await learner.getByRole("button", { name: "テストを始める" }).click();
    await expect(learner.getByRole("button", { name: "解答を送信する" })).toBeVisible();
    await settle(learner, testInfo);
    await learner.getByLabel(right ? "上長の許可" : "特になし", { exact: true }).check();
    await learner.getByLabel(right ? "×（誤り）" : "○（正しい）").check();
    await learner.getByRole("button", { name: "解答を送信する" }).click();
  };
  await attempt(false);
  const history = learner.getByRole("region", { name: "これまでの受験" });
  await expect(history.locator("details").first()).toContainText("不合格");
  await expect(history).toContainText("解説: 持出しは許可制です。");
  await expect(history).toContainText("許可が必要です");
  await settle(learner, testInfo);
  await expectAccessible(learner, testInfo);

  await attempt(true);
  await expect(history.locator("details").first()).toContainText("第2回");
  await expect(history.locator("details").first()).toContainText("合格");
  await expect(learner.getByText("合格済みです。")).toBeVisible();

  await learner.getByRole("link", { name: "研修に戻る" }).click();
  await expect(learner.getByText(/に修了しました。/)).toBeVisible();
  await context.close();
});
