import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import {
  LEARNER, MANAGER, TRAINER, csvRows, expectAccessible, fixture, hydrated, logIn, settle,
  startModule, uploadSection, confirmAction, editorPart,
} from "./helpers";

const POOL = `// 確認テスト
::許可::機密性３情報を庁外へ持ち出すときに必要なものは？ {=上長の許可 ~特になし#許可が必要です ####持出しは許可制です。}

::私物::私物の USB メモリを業務に使ってよい。{F}

::複数::正しいものをすべて選んでください。{~%50%暗号化する ~%50%紛失したら直ちに報告する ~%-100%私物に保存する}
`;

/** A question file for the editor's file input. */
const questionFile = (text: string) => ({
  name: "questions.gift", mimeType: "text/plain", buffer: Buffer.from(text, "utf8"),
});

test("a trainer imports a GIFT quiz; a learner fails it, retakes it, passes, and the module completes", async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
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
  await editorPart(page, testInfo, /^確認テスト/);
  await page.getByLabel(/^問題（GIFT/).fill(POOL + "\n::感想::感想をどうぞ {}\n");
  await page.getByRole("button", { name: "取り込む", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("8 行目：記述式の問題には対応していません。");
  await expect(page.getByText("問題はまだありません。")).toBeVisible();
  await page.getByLabel(/^問題（GIFT/).fill(POOL);
  await page.getByRole("button", { name: "取り込む", exact: true }).click();
  await expect(page.getByRole("table", { name: "問題プール" }).locator("tbody tr")).toHaveCount(3);
  if (hydrated(testInfo)) {
    await expect(page.getByRole("status").filter({ hasText: "3 問を取り込みました。" })).toBeVisible();
  }
  await expectAccessible(page, testInfo);

  // The same as a file: a bad one is refused with its line, a good one replaces the pool.
  const fileForm = page.locator("form").filter({ has: page.getByLabel(/^問題ファイル/) });
  await fileForm.getByLabel(/^問題ファイル/).setInputFiles(questionFile("::感想::感想をどうぞ {}\n"));
  // Replacing a pool of questions asks first.
  await confirmAction(fileForm, "ファイルを取り込む", "ファイルを取り込む");
  await expect(page.locator("#import-file-error")).toContainText("1 行目：記述式の問題には対応していません。");
  await settle(page, testInfo);
  await expect(page.getByRole("table", { name: "問題プール" }).locator("tbody tr")).toHaveCount(3);
  await fileForm.getByLabel(/^問題ファイル/).setInputFiles(questionFile(POOL));
  await confirmAction(fileForm, "ファイルを取り込む", "ファイルを取り込む");
  await expect(page.getByRole("status").filter({ hasText: "3 問を取り込みました。" })).toBeVisible();
  await settle(page, testInfo);
  // Saving the settings says so (with JavaScript), and the import's message goes.
  await page.getByRole("button", { name: "テストの設定を保存" }).click();
  if (hydrated(testInfo)) await expect(page.getByRole("status").filter({ hasText: "保存しました。" })).toBeVisible();
  await expect(page.getByText("3 問を取り込みました。")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "テストの設定を保存" })).toBeVisible();
  await settle(page, testInfo);
  await expect(page.getByRole("table", { name: "問題プール" }).locator("tbody tr")).toHaveCount(3);
  const exported = page.waitForEvent("download");
  await page.getByRole("link", { name: "問題を GIFT 形式でダウンロード" }).click();
  const gift = readFileSync(await (await exported).path(), "utf8");
  expect(gift).toContain("機密性３情報を庁外へ持ち出すときに必要なものは？");
  expect(gift).toContain("{FALSE");

  await editorPart(page, testInfo, "公開と割当て");
  await confirmAction(page, "この内容で公開する", "公開する");
  await expect(page.getByText("公開中（第1版）")).toBeVisible();
  await page.getByLabel("全職員", { exact: true }).check();
  await page.getByLabel(/^期日/).fill("2099-03-31");
  await page.getByRole("button", { name: "割り当てる" }).click();
  await expect(page.getByRole("cell", { name: "全職員" })).toBeVisible();
  await settle(page, testInfo);

  // The assignment keeps a reminder policy of its own.
  const assignment = page.getByRole("row").filter({ has: page.getByRole("cell", { name: "全職員" }) });
  await assignment.getByText("既定の方針", { exact: true }).click();
  await assignment.getByLabel(/^この割当てには独自の方針を使う/).check();
  await assignment.getByLabel(/^期限の何日前に督促するか/).fill("3");
  await assignment.getByRole("button", { name: "督促の方針を保存" }).click();
  await expect(assignment.getByText("この割当て独自の方針", { exact: true })).toBeVisible();
  await settle(page, testInfo);
  await assignment.getByText("この割当て独自の方針", { exact: true }).click();
  await expect(assignment.getByLabel(/^期限の何日前に督促するか/)).toHaveValue("3");
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

  const start = async () => {
    await learner.getByRole("button", { name: "テストを始める" }).click();
    await expect(learner.getByRole("button", { name: "解答を送信する" })).toBeVisible();
    await settle(learner, testInfo);
  };
  const submit = learner.getByRole("button", { name: "解答を送信する" });
  const result = learner.locator("div.result");
  // Nothing answered: the form is held back — by the page's warning with JavaScript, by the
  // browser (the radios are required) without — and the attempt stays open to answer below.
  await start();
  await submit.click();
  if (hydrated(testInfo)) {
    await expect(learner.getByRole("alert")).toHaveText(/^問1、問2、問3 に解答していません。/);
  } else {
    expect(await learner.locator("input[type=radio]").first().evaluate((e: HTMLInputElement) => e.validity.valueMissing)).toBe(true);
  }
  // The first attempt: one right of three, the multiple-choice question left out, which the
  // page (with JavaScript) warns about before sending.
  await learner.getByLabel("特になし", { exact: true }).check();
  await learner.getByLabel("×（誤り）").check();
  await submit.click();
  if (hydrated(testInfo)) {
    await expect(learner.getByRole("alert")).toHaveText(/^問\d に解答していません。/);
    await expect(result).toHaveCount(0);
    await submit.click();
  }
  // Failed, said plainly with the score to a tenth and the attempts left; the right answers
  // wait until the quiz is passed or out of attempts (the default review policy), so that a
  // retake still measures something.
  await expect(result).toHaveText(/不合格です。\s*得点 33\.3%（合格点 80%）\s*あと 2 回受験できます。/);
  const history = learner.getByRole("region", { name: "これまでの受験" });
  await expect(history.locator(".attempt").first()).toContainText("不合格");
  await expect(history).toContainText("正解と解説は、合格したとき、または受験できる回数を使い切ったときに表示します。");
  await expect(history).not.toContainText("持出しは許可制です。");
  await expect(history).not.toContainText("正解）");
  await settle(learner, testInfo);
  await expectAccessible(learner, testInfo);

  // While the retake is open, nothing of the first attempt's answers is on the page.
  await start();
  await expect(history).toContainText("受験中は、これまでの受験の正解と解説を表示しません。");
  await expect(learner.locator("main")).not.toContainText("持出しは許可制です。");
  await expect(learner.locator("main")).not.toContainText("許可が必要です");
  await expect(result).toHaveCount(0);
  await learner.getByLabel("上長の許可", { exact: true }).check();
  await learner.getByLabel("×（誤り）").check();
  await learner.getByLabel("暗号化する").check();
  await learner.getByLabel("紛失したら直ちに報告する").check();
  await submit.click();
  await expect(result).toHaveText(/合格です。\s*得点 100\.0%（合格点 80%）/);
  await expect(history.locator("details").first()).toContainText("第2回");
  await expect(history.locator("details").first()).toContainText("合格");
  await expect(learner.getByText("合格済みです。")).toBeVisible();
  // Passed: both attempts now show the answers, the feedback and the explanation, each
  // question numbered once.
  await expect(history).toContainText("解説: 持出しは許可制です。");
  await expect(history).toContainText("許可が必要です");
  await expect(history.locator("ol.reviewed-questions").first()).toHaveCSS("list-style-type", "none");
  await settle(learner, testInfo);
  await expectAccessible(learner, testInfo);

  await learner.getByRole("link", { name: "研修に戻る" }).click();
  await expect(learner.getByText(/に修了しました。/)).toBeVisible();
  await context.close();

  // The trainer reads the results: each question answered twice; two attempts.
  await editorPart(page, testInfo, /^確認テスト（3 問）/);
  await page.getByRole("link", { name: /^確認テストの結果/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: `確認テストの結果：${title}` })).toBeVisible();
  await settle(page, testInfo);
  const questionRows = page.getByRole("table", { name: /^問題ごとの解答数と正答率/ }).locator("tbody tr");
  await expect(questionRows).toHaveCount(3);
  for (const [row, right, rate] of [[0, "1", "50%"], [1, "2", "100%"], [2, "1", "50%"]] as const) {
    await expect(questionRows.nth(row).locator("td").nth(1)).toHaveText("2");
    await expect(questionRows.nth(row).locator("td").nth(2)).toHaveText(right);
    await expect(questionRows.nth(row).locator("td").nth(3)).toHaveText(rate);
  }
  const attemptRows = page.getByRole("table", { name: /^提出された受験/ }).locator("tbody tr");
  await expect(attemptRows).toHaveCount(2);
  await expect(attemptRows.nth(1)).toContainText("合格");
  await expect(page.getByText("受験者 1 人、うち合格 1 人（合格点 80%）。")).toBeVisible();
  await expectAccessible(page, testInfo);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "問題別の正答率を CSV でダウンロード" }).click();
  const rates = csvRows(readFileSync(await (await download).path(), "utf8"));
  expect(rates.slice(1).map((row) => row.slice(2))).toEqual([["2", "1", "50"], ["2", "2", "100"], ["2", "1", "50"]]);

  // The learner's manager sees the same attempts from the 所属 page.
  const managerContext = await browser.newContext({ javaScriptEnabled: hydrated(testInfo), locale: "ja-JP" });
  const manager = await managerContext.newPage();
  await logIn(manager, testInfo, MANAGER);
  const summary = manager.getByRole("table", { name: /^研修ごとの受講期限と状況/ });
  await summary.getByRole("row").filter({ hasText: title }).getByRole("link", { name: "確認テストの結果" }).click();
  await expect(manager.getByText("所管の課室の職員の結果だけを表示しています。")).toBeVisible();
  const managerRows = manager.getByRole("table", { name: /^提出された受験/ }).locator("tbody tr");
  await expect(managerRows).toHaveCount(2);
  await expect(managerRows.first()).toContainText(LEARNER);
  await settle(manager, testInfo);
  await expectAccessible(manager, testInfo);
  const attemptsFile = manager.waitForEvent("download");
  await manager.getByRole("link", { name: "受験者別の記録を CSV でダウンロード" }).click();
  const attempts = csvRows(readFileSync(await (await attemptsFile).path(), "utf8"));
  expect(attempts.slice(1).map((row) => [row[0], row[3], row[6]])).toEqual([[LEARNER, "1", "no"], [LEARNER, "2", "yes"]]);
  await managerContext.close();
  expect(pageErrors).toEqual([]);
});
