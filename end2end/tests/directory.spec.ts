import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { ADMIN, expectAccessible, hydrated, logIn, mailTo, pick, settle } from "./helpers";

const HEADER = "employee_id,name,email,division,roles,active_from,active_until";

async function openPerson(page: Page, testInfo: TestInfo, employeeId: string) {
  await page.goto(`/admin/staff/${employeeId}`);
  await settle(page, testInfo);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(employeeId);
}

async function uploadStaffFile(page: Page, testInfo: TestInfo, csv: string) {
  await page.goto("/admin/staff?tab=import");
  await settle(page, testInfo);
  await page.getByLabel(/^ファイル（/).setInputFiles({ name: "staff.csv", mimeType: "text/csv", buffer: Buffer.from(`\ufeff${csv}`) });
  await page.getByRole("button", { name: "アップロードして内容を確認" }).click();
  await expect(page).toHaveURL(/\/admin\/staff\/import\/\d+$/);
  await settle(page, testInfo);
  await expect(page.getByRole("heading", { level: 1, name: "名簿の取込: 内容の確認" })).toBeVisible();
}

test("an admin imports a staff file after checking its preview", async ({ page }, testInfo) => {
  // Two tabs, two uploads and five accessibility checks: over 30 s when it runs first on two
  // cores.
  test.setTimeout(60_000);
  const id = pick(testInfo, "E9101", "E9102");
  const name = pick(testInfo, "取込 一郎", "取込 二郎");
  // A joiner of next April, as HR sends them in March: today's directory (which other tests
  // count) stays as it is.
  const joins = `${new Date().getFullYear() + 1}-04-01`;
  await logIn(page, testInfo, ADMIN);
  await expect(page).toHaveURL(/\/admin\/staff$/);
  // Two parts as tabs at the top: the list (names and dates do not break inside a word), and
  // the import on its own, not 4,600 px down under a 50-row table.
  await settle(page, testInfo);
  const parts = page.getByRole("navigation", { name: "名簿の操作" });
  await expect(parts.getByRole("link", { name: "職員の検索と一覧" })).toHaveAttribute("aria-current", "page");
  const directory = page.getByRole("table", { name: "職員名簿" });
  const firstRow = directory.locator("tbody tr").first();
  await expect(firstRow.locator("td.name")).toHaveCSS("word-break", "keep-all");
  await expect(firstRow.locator("td").last()).toHaveCSS("white-space", "nowrap");
  await parts.getByRole("link", { name: /^名簿の取込/ }).click();
  await expect(page).toHaveURL(/\/admin\/staff\?tab=import$/);
  await expect(page.getByRole("heading", { level: 2, name: /^名簿の取込/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "職員名簿" })).toHaveCount(0);
  await expect(parts.getByRole("link", { name: /^名簿の取込/ })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page, testInfo);

  // A bad row: listed as LINE and reason; nothing can be imported.
  await uploadStaffFile(page, testInfo, `${HEADER}\r\n${id},${name},${id.toLowerCase()}@agency.example,総務課,wizard,${joins},\r\n`);
  const badRows = page.locator("table.bad-rows");
  await expect(badRows.getByRole("cell", { name: "2", exact: true })).toBeVisible();
  await expect(badRows).toContainText("役割コード「wizard」は不明です。");
  await expect(page.getByRole("button", { name: "この内容で取り込む" })).toHaveCount(0);
  await expectAccessible(page, testInfo);

  // A good file: the preview names the newcomer; confirming imports them once.
  await uploadStaffFile(page, testInfo, `${HEADER}\r\n${id},${name},${id.toLowerCase()}@agency.example,総務課,,${joins},\r\n`);
  await expect(page.getByText("取り込むと、次のとおり変更されます")).toBeVisible();
  await expect(page.getByRole("heading", { name: "新規登録" })).toBeVisible();
  await expect(page.getByRole("cell", { name })).toBeVisible();
  await expectAccessible(page, testInfo);
  await page.getByRole("button", { name: "この内容で取り込む" }).click();
  await expect(page.getByRole("status")).toContainText(`${ADMIN} が取り込みました`);
  await expect(page.getByRole("button", { name: "この内容で取り込む" })).toHaveCount(0);
  await expectAccessible(page, testInfo);

  await openPerson(page, testInfo, id);
  await expect(page.locator("dl.facts")).toContainText(`${joins} から`);
});

test("a file-less upload is sent back with a message", async ({ page }, testInfo) => {
  await logIn(page, testInfo, ADMIN);
  await expect(page).toHaveURL(/\/admin\/staff$/);
  // The browser refuses an empty required field; a hand-made post without a file gets the message.
  const response = await page.request.post("/admin/staff/import", { multipart: { effective: "", sync: "false" }, maxRedirects: 0 });
  expect(response.status()).toBe(303);
  await page.goto(response.headers()["location"]);
  await expect(page.getByRole("alert")).toHaveText("ファイルを選んでください。");
});

test("an admin transfers a person from a date, and the change is audited", async ({ page }, testInfo) => {
  const person = pick(testInfo, "E0303", "E0304");
  await logIn(page, testInfo, ADMIN);
  await expect(page).toHaveURL(/\/admin\/staff$/);
  await openPerson(page, testInfo, person);
  await expectAccessible(page, testInfo);
  const history = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "課" }) }).first();
  await expect(history.locator("tbody tr")).toHaveCount(1);
  const before = await page.getByLabel("課", { exact: true }).inputValue();
  // A division whose size no other test counts.
  const target = before === "取引対策課" ? "地方協力課" : "取引対策課";
  await page.getByLabel("課", { exact: true }).selectOption(target);
  await page.getByLabel("情報システムセキュリティ管理者").check();
  const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
  await page.getByLabel(/^適用日/).fill(today);
  await page.getByRole("button", { name: "変更を保存" }).click();
  if (hydrated(testInfo)) {
    await expect(page.getByRole("status")).toContainText("保存しました");
  }
  await expect(page.getByRole("table").filter({ hasText: "職員情報の編集" })).toBeVisible();
  await expect(history.locator("tbody tr")).toHaveCount(2);
  await expect(history.getByRole("cell", { name: target })).toBeVisible();
  await expect(page.getByRole("cell", { name: "情報システムセキュリティ管理者", exact: true })).toBeVisible();
  await expectAccessible(page, testInfo);

  // A bad e-mail address: refused with its reason, the form keeps working.
  await page.getByLabel("メールアドレス").fill("not-an-address");
  await page.getByLabel("メールアドレス").evaluate((input: HTMLInputElement) => (input.type = "text"));
  await page.getByRole("button", { name: "変更を保存" }).click();
  await expect(page.getByRole("alert")).toContainText("not-an-address");
});

test("a person who joins today is not overdue on a module whose fixed due date has passed", async ({ page }, testInfo) => {
  const id = pick(testInfo, "E9121", "E9122");
  const name = pick(testInfo, "着任 一子", "着任 二子");
  const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
  await logIn(page, testInfo, ADMIN);
  await expect(page).not.toHaveURL(/\/login/);
  await uploadStaffFile(page, testInfo, `${HEADER}\r\n${id},${name},${id.toLowerCase()}@agency.example,総務課,,${today},\r\n`);
  await page.getByRole("button", { name: "この内容で取り込む" }).click();
  await expect(page.getByRole("status")).toContainText(`${ADMIN} が取り込みました`);

  // The demo's first module was due weeks ago for everyone: old hands are overdue, the
  // joiner has the assignment's grace from their first day.
  await page.goto("/manager?division=総務課");
  await settle(page, testInfo);
  const grid = page.getByRole("table", { name: "研修の受講状況" });
  const headers = await grid.getByRole("columnheader").allTextContents();
  const column = headers.findIndex((header) => header.startsWith("情報の格付けと取扱制限"));
  expect(column).toBeGreaterThan(0);
  await expect(grid.locator(`tbody tr > :nth-child(${column + 1})`).filter({ hasText: "期限超過" }).first()).toBeVisible();
  const joiner = grid.locator("tbody tr").filter({ hasText: id });
  const cell = joiner.locator("th, td").nth(column);
  await expect(cell).toContainText("未受講");
  await expect(cell.locator(".cell-due")).toHaveText(/^受講期限 令和\d+年\d+月\d+日$/);
  await expect(joiner.getByRole("cell", { name: "期限超過" })).toHaveCount(0);
  await expectAccessible(page, testInfo);

  // Nor does any late list count them.
  await page.goto("/reports/people?division=総務課&status=overdue");
  await expect(page.getByRole("status").filter({ hasText: "該当" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: id })).toHaveCount(0);
});

test("a person sets their password through the e-mailed link, once", async ({ page, browser }, testInfo) => {
  // Two browsers, mail, four accessibility checks: over 30 s when it runs first on two cores.
  test.setTimeout(60_000);
  const person = pick(testInfo, "E0305", "E0306");
  await logIn(page, testInfo, ADMIN);
  await expect(page).toHaveURL(/\/admin\/staff$/);
  await openPerson(page, testInfo, person);
  await expect(page.getByText("パスワードは未設定です")).toBeVisible();
  const address = (await page.locator("dl.facts dd").first().textContent())!.trim();
  await page.getByRole("button", { name: "パスワード設定リンクをメールで送る" }).click();
  await expect(page.getByRole("table").filter({ hasText: "パスワード設定のご案内" })).toBeVisible();
  await expectAccessible(page, testInfo);

  const link = (await mailTo(address, "/set-password/")).split(/\r?\n/).find((line) => line.includes("/set-password/"))!.trim();
  const visitor = await browser.newContext({ javaScriptEnabled: hydrated(testInfo), locale: "ja-JP" });
  const them = await visitor.newPage();
  await them.goto(link);
  await settle(them, testInfo);
  await expect(them.getByRole("heading", { level: 1, name: "パスワードの設定" })).toBeVisible();
  await expectAccessible(them, testInfo);
  await them.getByLabel("新しいパスワード（12文字以上）").fill("my-own-password-1");
  await them.getByLabel("新しいパスワード（確認のためもう一度）").fill("my-own-password-2");
  await them.getByRole("button", { name: "パスワードを設定" }).click();
  await expect(them.getByRole("alert")).toHaveText("2つのパスワードが一致しません。");
  await them.getByLabel("新しいパスワード（12文字以上）").fill("my-own-password-1");
  await them.getByLabel("新しいパスワード（確認のためもう一度）").fill("my-own-password-1");
  await them.getByRole("button", { name: "パスワードを設定" }).click();
  await expect(them.getByRole("status")).toHaveText("パスワードを設定しました。新しいパスワードでログインしてください。");

  await logIn(them, testInfo, person, "my-own-password-1");
  await expect(them.getByRole("heading", { level: 1, name: "マイ研修" })).toBeVisible();

  // Their account page lists this session; logging out everywhere ends it.
  await them.locator(".signed-in a").click();
  await expect(them.getByRole("heading", { level: 1, name: "アカウント" })).toBeVisible();
  await settle(them, testInfo);
  await expect(them.getByRole("table", { name: "ログイン中の端末" }).getByRole("cell", { name: /（この端末）$/ })).toBeVisible();
  await expectAccessible(them, testInfo);
  await them.getByRole("button", { name: "すべての端末からログアウト" }).click();
  await expect(them).toHaveURL(/\/login$/);
  await them.goto("/account");
  await expect(them).toHaveURL(/\/login\?next=%2Faccount$/);

  // The link is spent.
  await them.goto(link);
  await expect(them.getByRole("alert")).toContainText("このリンクは使用できません");
  await visitor.close();
});

test("an admin reads the audit log, filtered by action and person, and downloads it", async ({ page }, testInfo) => {
  await logIn(page, testInfo, ADMIN);
  await expect(page).toHaveURL(/\/admin\/staff$/);
  await page.getByRole("link", { name: "監査ログ" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "監査ログ" })).toBeVisible();
  await settle(page, testInfo);
  await page.getByLabel("操作", { exact: true }).selectOption({ label: "ログイン" });
  await page.getByLabel(/^職員番号/).fill(ADMIN);
  await page.getByRole("button", { name: "表示" }).click();
  await expect(page).toHaveURL(/action=account\.login/);
  const log = page.getByRole("table", { name: "監査ログ" });
  await expect(log.getByRole("row").nth(1)).toContainText(ADMIN);
  await expect(log.getByRole("row").nth(1)).toContainText("ログイン");
  await expectAccessible(page, testInfo);
  const csv = await page.request.get(await page.getByRole("link", { name: /CSV/ }).getAttribute("href") ?? "");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(ADMIN);
});
