import { expect, test } from "@playwright/test";
import {
  LEARNER, MANAGER, TRAINER, expectAccessible, fixture, hydrated, logIn, settle, startModule, uploadSection, confirmAction, editorPart,
} from "./helpers";

test("a trainer builds a module with a page, a PDF and a captioned video; a learner completes it; their manager sees it", async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  // Each project makes its own module, so that the two runs do not meet.
  const slug = hydrated(testInfo) ? "evidence-js" : "evidence-nojs";
  const title = hydrated(testInfo) ? "紛失への備え B" : "紛失への備え A";
  await logIn(page, testInfo, TRAINER);
  await startModule(page, testInfo, title, slug);

  await page.getByLabel("ページの題名").fill("紛失したとき");
  await page.getByLabel(/^本文/).fill("## 報告\n\n直ちに**報告**します。");
  await page.getByLabel("最低閲覧時間（秒）").fill("10");
  await page.getByRole("button", { name: "ページを追加" }).click();
  await expect(page.locator("article.material-preview").getByRole("heading", { name: "紛失したとき" })).toBeVisible();

  // A script named .pdf is refused by its bytes, and what was typed comes back.
  const documents = uploadSection(page, "文書（PDF・画像）を追加");
  await documents.getByLabel("資料の題名").fill("情報セキュリティ規程");
  await documents.getByLabel(/^ファイル/).setInputFiles({
    name: "規程.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("<html><script>alert(1)</script></html>"),
  });
  await documents.getByRole("button", { name: "文書を追加" }).click();
  await expect(page.getByRole("alert")).toContainText("この種類のファイルは追加できません");
  await expect(uploadSection(page, "文書（PDF・画像）を追加").getByLabel("資料の題名")).toHaveValue("情報セキュリティ規程");
  await settle(page, testInfo);
  await expectAccessible(page, testInfo);

  await uploadSection(page, "文書（PDF・画像）を追加").getByLabel(/^ファイル/).setInputFiles(fixture("rules.pdf"));
  await uploadSection(page, "文書（PDF・画像）を追加").getByRole("button", { name: "文書を追加" }).click();
  await expect(page.getByRole("status").filter({ hasText: "資料を追加しました。" })).toBeVisible();
  await expect(page.getByRole("link", { name: "資料を開く（rules.pdf, 1 KB）" })).toBeVisible();
  await settle(page, testInfo);

  const videos = uploadSection(page, "動画を追加");
  await videos.getByLabel("資料の題名").fill("紛失事案の再現");
  await videos.getByLabel(/^動画ファイル/).setInputFiles(fixture("training.webm"));
  await videos.getByLabel(/^字幕ファイル/).setInputFiles(fixture("training.vtt"));
  await videos.getByRole("button", { name: "動画を追加" }).click();
  await expect(page.getByRole("status").filter({ hasText: "資料を追加しました。" })).toBeVisible();
  await expect(page.locator("video track[kind=captions]")).toHaveCount(1);
  await settle(page, testInfo);

  // The video goes before the document.
  const previews = page.locator("article.material-preview h3");
  await expect(previews).toHaveText(["紛失したとき", "情報セキュリティ規程", "紛失事案の再現"]);
  await page.locator("article.material-preview").filter({ hasText: "紛失事案の再現" }).getByRole("button", { name: "上へ移動" }).click();
  await expect(previews).toHaveText(["紛失したとき", "紛失事案の再現", "情報セキュリティ規程"]);
  await expectAccessible(page, testInfo);

  await editorPart(page, testInfo, "公開と割当て");
  await confirmAction(page, "この内容で公開する", "公開する");
  await expect(page.getByText("公開中（第1版）")).toBeVisible();
  await page.getByLabel("課を選ぶ").check();
  await page.getByLabel("消費者安全課").check();
  await page.getByLabel(/^期日/).fill("2099-03-31");
  await page.getByRole("button", { name: "割り当てる" }).click();
  await expect(page.getByRole("cell", { name: "消費者安全課" })).toBeVisible();
  await expectAccessible(page, testInfo);

  // The learner, in 消費者安全課, opens it and starts where nothing is viewed yet.
  const context = await browser.newContext({ javaScriptEnabled: hydrated(testInfo), locale: "ja-JP" });
  const learner = await context.newPage();
  await logIn(learner, testInfo, LEARNER);
  await learner.locator("li.module-card").filter({ hasText: title }).getByRole("link", { name: title }).click();
  await expect(learner.getByRole("heading", { level: 2, name: "紛失したとき" })).toBeVisible();
  await settle(learner, testInfo);
  const list = learner.getByRole("navigation", { name: "資料の一覧" });
  const item = (title: string) => list.getByRole("listitem").filter({ hasText: title });
  const counted = learner.locator("label[for=module-progress]");
  // Without JavaScript nothing is timed, and the page promises nothing it cannot keep.
  if (!hydrated(testInfo)) {
    await expect(learner.getByText(/JavaScript が必要です/)).toBeVisible();
    await expect(learner.getByText(/秒以上表示すると確認済み/)).toHaveCount(0);
  }

  // Opening the document counts, with or without JavaScript; with it, the page shows it at
  // once (the ✓, the count, the status), without it after a reload.
  await list.getByRole("link", { name: "情報セキュリティ規程" }).click();
  await expect(learner.getByText("資料を開くと確認済みになります。")).toBeVisible();
  await expect(learner.getByText(/JavaScript が必要です/)).toHaveCount(0);
  await expectAccessible(learner, testInfo);
  const popup = learner.waitForEvent("popup");
  await learner.getByRole("link", { name: /^資料を開く/ }).click();
  await (await popup).close();
  if (!hydrated(testInfo)) await learner.reload();
  await expect(item("情報セキュリティ規程")).toContainText("確認済み");
  await expect(counted).toHaveText("資料 3 件中 1 件を確認済み");
  await expect(learner.locator("span.status")).toHaveText("受講中");

  await list.getByRole("link", { name: "紛失事案の再現" }).click();
  await settle(learner, testInfo);
  await expectAccessible(learner, testInfo);
  if (!hydrated(testInfo)) {
    await expect(learner.getByText(/JavaScript が必要です/)).toBeVisible();
    await expect(learner.getByText(/視聴すると確認済みになります/)).toHaveCount(0);
    await context.close();
    return;
  }
  await expect(learner.getByText(/動画を 90% 以上視聴すると確認済みになります/)).toBeVisible();
  // The captions reach the learner's player, and watching the video counts as it ends.
  const video = learner.locator("video");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.textTracks[0]?.cues?.length ?? 0)).toBe(2);
  await video.evaluate((v: HTMLVideoElement) => { v.muted = true; return v.play(); });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.ended), { timeout: 15_000 }).toBe(true);
  await expect(learner.getByRole("status").filter({ hasText: "この資料は確認済みです。" })).toBeVisible();
  await expect(item("紛失事案の再現")).toContainText("確認済み");
  await expect(counted).toHaveText("資料 3 件中 2 件を確認済み");

  // Back to the page: it counts down the time still needed, and read to the end it
  // completes the module, all without a reload.
  await list.getByRole("link", { name: "紛失したとき" }).click();
  await expect(learner.getByRole("heading", { level: 2, name: "紛失したとき" })).toBeVisible();
  await learner.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const secondsLeft = async () => Number((await learner.locator("p.reading-needed").textContent())?.match(/あと (\d+) 秒/)?.[1] ?? -1);
  await expect.poll(secondsLeft).toBeGreaterThan(0);
  const first = await secondsLeft();
  await expect.poll(secondsLeft).toBeLessThan(first);
  await expect(learner.getByRole("status").filter({ hasText: "この資料は確認済みです。" })).toBeVisible({ timeout: 15_000 });
  await expect(item("紛失したとき")).toContainText("確認済み");
  await expect(counted).toHaveText("資料 3 件中 3 件を確認済み");
  await expect(learner.getByText("この研修を修了しました。")).toBeVisible();
  await expect(learner.locator("span.status")).toHaveText("修了");
  await expectAccessible(learner, testInfo);
  await learner.getByRole("link", { name: "修了証を表示" }).click();
  await expect(learner.getByRole("heading", { name: "修了証" })).toBeVisible();
  await context.close();

  // Their manager sees it done, material by material.
  const managerContext = await browser.newContext({ locale: "ja-JP" });
  const manager = await managerContext.newPage();
  await logIn(manager, testInfo, MANAGER);
  const grid = manager.getByRole("table", { name: "研修の受講状況" });
  await expect(grid.getByRole("columnheader", { name: title })).toBeVisible();
  const column = await grid.getByRole("columnheader").allTextContents();
  const index = column.findIndex((header) => header.startsWith(title));
  expect(index).toBeGreaterThan(0);
  const row = grid.locator("tbody tr").filter({ hasText: LEARNER });
  await expect(row.locator("th, td").nth(index)).toHaveText("修了");
  await row.getByRole("link").click();
  const progress = manager.locator("section.module-progress").filter({ has: manager.getByRole("heading", { name: title }) });
  for (const material of ["紛失したとき", "紛失事案の再現", "情報セキュリティ規程"]) {
    await expect(progress.getByRole("row", { name: new RegExp(material) })).toContainText("確認済み");
  }
  await expectAccessible(manager, testInfo);
  // The person's material views and their transcript link to each other.
  await manager.getByRole("link", { name: /^受講履歴/ }).click();
  await expect(manager).toHaveURL(new RegExp(`/reports/staff/${LEARNER}$`));
  await manager.getByRole("link", { name: "資料ごとの閲覧状況" }).click();
  await expect(manager).toHaveURL(new RegExp(`/manager/staff/${LEARNER}$`));
  await managerContext.close();
});
