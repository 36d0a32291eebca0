import { expect, test } from "@playwright/test";
import { ADMIN, DIRECTORY_SIZE, LEARNER, MANAGER, TRAINER, expectAccessible, hydrated, logIn, settle, editorPart } from "./helpers";

test("a trainer builds, publishes and assigns a module, and a learner completes it", async ({ page, browser }, testInfo) => {
  test.setTimeout(60_000);
  // Each project makes its own module, so that the two runs do not meet.
  const slug = hydrated(testInfo) ? "media-js" : "media-nojs";
  const title = hydrated(testInfo) ? "持出しの基本 B" : "持出しの基本 A";
  await logIn(page, testInfo, TRAINER);
  await expect(page.getByRole("heading", { level: 1, name: "マイ研修" })).toBeVisible();
  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "研修の作成" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "研修の作成・管理" })).toBeVisible();
  await settle(page, testInfo);
  await expectAccessible(page, testInfo);

  await page.getByLabel("題名").fill(title);
  await page.getByLabel(/^識別名/).fill(slug);
  await page.getByLabel("概要").fill("USB メモリ等を庁外へ持ち出すときの手続");
  await page.getByRole("button", { name: "作成して編集する" }).click();
  await expect(page).toHaveURL(new RegExp(`/trainer/modules/${slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await settle(page, testInfo);
  // Three parts, one at a time; nothing to publish yet.
  await editorPart(page, testInfo, "公開と割当て");
  await expect(page.getByRole("button", { name: "この内容で公開する" })).toBeDisabled();
  await expect(page.getByLabel("ページの題名")).toHaveCount(0);
  await editorPart(page, testInfo, /^資料（0 件）/);

  // A page with a script in it: shown as text, never run.
  await page.getByLabel("ページの題名").fill("持出しの手続");
  await page.getByLabel(/^本文/).fill("## 原則\n\n庁外への持出しは**許可制**です。\n\n<script>window.planted = 1</script>");
  await page.getByLabel("最低閲覧時間（秒）").fill("0");
  await page.getByRole("button", { name: "ページを追加" }).click();
  const preview = page.locator("article.material-preview");
  await expect(preview.getByRole("heading", { name: "持出しの手続" })).toBeVisible();
  await expect(preview.locator("strong")).toHaveText("許可制");
  await expect(preview).toContainText("<script>window.planted = 1</script>");
  expect(await page.evaluate(() => (window as unknown as { planted?: number }).planted)).toBeUndefined();
  await expectAccessible(page, testInfo);
  // The form is empty again for the next page (a second press adds no copy).
  await expect(page.getByLabel("ページの題名")).toHaveValue("");
  await expect(page.locator("#page-markdown")).toHaveValue("");

  // Removing a material asks first; only the second button removes it.
  await page.getByLabel("ページの題名").fill("不要な頁");
  await page.locator("#page-markdown").fill("削除します。");
  await page.getByRole("button", { name: "ページを追加" }).click();
  await expect(preview).toHaveCount(2);
  const extra = preview.filter({ hasText: "不要な頁" });
  await extra.locator("summary").getByText("削除", { exact: true }).click();
  await expect(extra.getByText("「不要な頁」を下書きから削除しますか？")).toBeVisible();
  await expect(preview).toHaveCount(2);
  await expectAccessible(page, testInfo);
  await extra.getByRole("button", { name: "削除する" }).click();
  await expect(preview).toHaveCount(1);
  if (hydrated(testInfo)) {
    await expect(page.getByRole("status").filter({ hasText: "資料を削除しました。" })).toBeVisible();
    await expect(page.getByText("ページを追加しました。")).toHaveCount(0);
  }
  await settle(page, testInfo);

  // Publishing asks first too.
  await editorPart(page, testInfo, "公開と割当て");
  await page.locator("summary").getByText("この内容で公開する", { exact: true }).click();
  await expect(page.getByText(/この内容を第1版として公開しますか？/)).toBeVisible();
  await expect(page.getByText("公開中（第1版）")).toHaveCount(0);
  await page.getByRole("button", { name: "公開する", exact: true }).click();
  await expect(page.getByText("公開中（第1版）")).toBeVisible();
  // Nobody is chosen beforehand, and the proposed date is a business day a month ahead.
  await expect(page.getByLabel("全職員", { exact: true })).not.toBeChecked();
  await expect(page.locator("#assign-due-ahead")).toHaveText(/^今日から (3[0-9]) 日後です。$/);
  await page.getByRole("button", { name: "割り当てる" }).click();
  await expect(page.getByRole("cell", { name: "全職員" })).toHaveCount(0);
  await page.getByLabel("全職員", { exact: true }).check();
  await page.getByLabel(/^期日/).fill("2099-03-31");
  if (hydrated(testInfo)) await expect(page.locator("#assign-due-ahead")).toHaveText(/^今日から \d{5} 日後です。$/);
  // Late joiners get 45 days from their first day rather than a date already past.
  await page.getByLabel(/^遅れて着任した職員の猶予/).fill("45");
  await page.getByRole("button", { name: "割り当てる" }).click();
  await expect(page.getByRole("cell", { name: "全職員" })).toBeVisible();
  if (hydrated(testInfo)) {
    await expect(page.getByRole("status").filter({ hasText: "人に割り当てました" })).toHaveText(new RegExp(`^${DIRECTORY_SIZE} 人に割り当てました`));
  }
  await expect(page.getByRole("cell", { name: /着任が遅い職員は着任から45日以内/ })).toBeVisible();
  await expectAccessible(page, testInfo);

  // The learner sees it on their home page and takes it.
  const context = await browser.newContext({ javaScriptEnabled: hydrated(testInfo), locale: "ja-JP" });
  const learner = await context.newPage();
  await logIn(learner, testInfo, LEARNER);
  const card = learner.locator("li.module-card").filter({ hasText: title });
  await expect(card).toContainText("未受講");
  await expect(card).toContainText("受講期限: 令和81年3月31日");
  await expectAccessible(learner, testInfo);
  await card.getByRole("link", { name: title }).click();
  await expect(learner.getByRole("heading", { level: 2, name: "持出しの手続" })).toBeVisible();
  await expect(learner.locator(".material-body strong")).toHaveText("許可制");
  await settle(learner, testInfo);
  await expectAccessible(learner, testInfo);
  if (hydrated(testInfo)) {
    await expect(learner.getByText("JavaScript が必要です")).toHaveCount(0);
    // Read to the end: the page reports itself as read, and the module completes.
    await learner.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(async () => {
      await learner.reload();
      return learner.getByText(/に修了しました。/).count();
    }, { timeout: 20_000 }).toBe(1);
    const code = (await learner.locator(".notice code").textContent())!;
    expect(code).toMatch(/^[0-9A-F]{12}$/);
    await learner.getByRole("link", { name: "修了証を表示" }).click();
    await expect(learner.getByRole("heading", { level: 1, name: "修了証" })).toBeVisible();
    await expect(learner.locator(".certificate")).toContainText(title);
    await expect(learner.locator(".certificate code")).toHaveText(code);
    // The fiscal year and the version are labelled as what they are.
    await expect(learner.locator(".certificate dt").nth(1)).toHaveText("年度");
    await expect(learner.locator(".certificate")).toContainText("研修の版: 第1版");
    // Issued by the agency's chief information security officer, as the directory names them.
    await expect(learner.locator(".certificate-issuer")).toHaveText(/^最高情報セキュリティ責任者 \S+ \S+$/);
    await expectAccessible(learner, testInfo);

    // An admin checks the code they are shown.
    const adminContext = await browser.newContext({ locale: "ja-JP" });
    const admin = await adminContext.newPage();
    await logIn(admin, testInfo, ADMIN);
    await expect(admin).toHaveURL(/\/admin\/staff$/);
    await admin.goto(`/admin/certificates?code=${code.toLowerCase()}`);
    await expect(admin.getByRole("status")).toHaveText("有効な修了証です。");
    await expect(admin.locator(".certificate")).toContainText(LEARNER);
    await expectAccessible(admin, testInfo);
    await admin.goto("/admin/certificates?code=000000000000");
    await expect(admin.getByRole("alert")).toHaveText("この修了証番号の修了証はありません。");
    await adminContext.close();
  } else {
    await expect(learner.getByText("JavaScript が必要です")).toBeVisible();
    // Opened is started (as the reports count it), though nothing could be measured.
    await learner.goto("/");
    await expect(card).toContainText("受講中");
  }
  await context.close();
});

test("a learner cannot open the trainer's pages, nor a module not assigned to them", async ({ page }, testInfo) => {
  await logIn(page, testInfo, LEARNER);
  await expect(page.getByRole("heading", { level: 1, name: "マイ研修" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "研修の作成" })).toHaveCount(0);
  await page.goto("/trainer");
  await expect(page.getByRole("heading", { name: "このページを表示する権限がありません。" })).toBeVisible();
  await page.goto("/modules/no-such-module");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("お探しのページは見つかりませんでした。");
  const refused = await page.request.post("/api/create_module", { form: { slug: "x", title: "x", summary: "", estimated_minutes: "1" } });
  expect(refused.status()).toBe(403);
});

test("a manager sees their staff's training, module by module and material by material", async ({ page }, testInfo) => {
  await logIn(page, testInfo, MANAGER);
  await expect(page).toHaveURL(/\/manager$/);
  const grid = page.getByRole("table", { name: "研修の受講状況" });
  await expect(grid.locator("tbody tr")).toHaveCount(45);
  await expect(grid.getByRole("columnheader", { name: "情報の格付けと取扱制限" })).toBeVisible();
  await expect(grid.getByRole("cell", { name: "修了" }).first()).toBeVisible();
  await expect(grid.getByRole("cell", { name: "期限超過" }).first()).toBeVisible();
  await expectAccessible(page, testInfo);

  // A person who has read something: their material views.
  const someone = grid.locator("tbody tr").filter({ has: page.getByRole("cell", { name: "修了" }) }).first();
  await someone.getByRole("link").click();
  await expect(page).toHaveURL(/\/manager\/staff\/E\d{4}$/);
  await settle(page, testInfo);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("さんの研修の状況");
  await expect(page.getByRole("columnheader", { name: "閲覧時間" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "確認済み" }).first()).toBeVisible();
  await expectAccessible(page, testInfo);

  // Someone in another division is not there for them.
  await page.goto("/manager/staff/E0013");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("お探しのページは見つかりませんでした。");
});

test("a manager's landing page counts each module by its due date and filters to who is late", async ({ page }, testInfo) => {
  await logIn(page, testInfo, MANAGER);
  await expect(page).toHaveURL(/\/manager$/);
  const summary = page.getByRole("table", { name: /^研修ごとの受講期限と状況/ });
  const classification = summary.getByRole("row").filter({ hasText: "情報の格付けと取扱制限" });
  // Its due date, and its counts adding up to the 45 people of the division.
  await expect(classification.locator("td").first()).toHaveText(/\d+年\d+月\d+日/);
  const counts = (await classification.locator("td").allTextContents()).slice(1, 6).map(Number);
  expect(counts[0]).toBe(45);
  expect(counts.slice(1).reduce((a, b) => a + b, 0)).toBe(45);
  const overdue = counts[4];
  expect(overdue).toBeGreaterThan(0);
  const grid = page.getByRole("table", { name: "研修の受講状況" });
  await expect(grid.getByRole("columnheader", { name: /情報の格付けと取扱制限 受講期限/ })).toBeVisible();

  // Only those past a due date: the count says so, and each row has a late module.
  await page.getByRole("combobox", { name: "表示する", exact: true }).selectOption({ label: "期限を過ぎた研修がある人" });
  await page.getByRole("button", { name: "絞り込む" }).click();
  await expect(page).toHaveURL(/show=overdue/);
  const rows = grid.locator("tbody tr");
  const listed = await rows.count();
  expect(listed).toBeGreaterThanOrEqual(overdue);
  expect(listed).toBeLessThan(45);
  await expect(page.getByRole("status").filter({ hasText: "45 人中" })).toHaveText(`45 人中 ${listed} 人を表示しています。`);
  for (let i = 0; i < listed; i++) {
    await expect(rows.nth(i).getByRole("cell", { name: "期限超過" }).first()).toBeVisible();
  }
  await expect(page.getByRole("combobox", { name: "表示する", exact: true })).toHaveValue("overdue");
  await expectAccessible(page, testInfo);

  // A count is the list of the people behind it.
  await classification.getByRole("link", { name: String(overdue), exact: true }).last().click();
  await expect(page).toHaveURL(/\/reports\/people\?.*status=overdue/);
  await expect(page.getByRole("status").filter({ hasText: "該当" })).toHaveText(`該当 ${overdue} 件`);
});

test("an admin opens the staff-by-module view for any division", async ({ page }, testInfo) => {
  await logIn(page, testInfo, ADMIN);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/reports");
  await page.getByRole("link", { name: "職員ごとの受講状況" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "職員ごとの受講状況" })).toBeVisible();
  await page.getByRole("combobox", { name: "課", exact: true }).selectOption("消費者安全課");
  await page.getByRole("button", { name: "絞り込む" }).click();
  await expect(page).toHaveURL(/division=/);
  const grid = page.getByRole("table", { name: "研修の受講状況" });
  await expect(grid.locator("tbody tr")).toHaveCount(45);
  await expectAccessible(page, testInfo);
  await grid.locator("tbody tr").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/manager\/staff\/E\d{4}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("さんの研修の状況");
});
