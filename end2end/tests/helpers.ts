import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, type TestInfo } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";

export const PASSWORD = "mamori-demo";
export const ADMIN = "E0013";
export const MANAGER = "E0009";
export const TRAINER = "E0020";
export const LEARNER = "E0210";

/**
 * The directory's size as the admin's list shows it, and the staff an assignment to everyone
 * reaches: the 361 demo staff, plus the joiners that directory.spec.ts and xss.spec.ts import
 * (one each per project) while other tests run.
 */
export const DIRECTORY_SIZE = "36[1-7]";

export const hydrated = (testInfo: TestInfo) => testInfo.project.name === "hydrated";

/** Each project works on its own people and modules, so that the two runs do not meet. */
export const pick = (testInfo: TestInfo, noJs: string, withJs: string) => (hydrated(testInfo) ? withJs : noJs);

/** The fiscal year (April to March) of the agency's today: the demo's self-inspection is open in it. */
export const FISCAL_YEAR = (() => {
  const now = new Date(Date.now() + 9 * 3600_000); // the agency's date
  return now.getUTCMonth() < 3 ? now.getUTCFullYear() - 1 : now.getUTCFullYear();
})();

export type Language = "ja" | "en";

/** Chooses the language of the pages loaded from now on, as the header's switch does. */
export async function chooseLanguage(page: Page, language: Language) {
  await page.context().addCookies([{ name: "mamori_lang", value: language, url: new URL(page.url()).origin }]);
}

/**
 * Fails unless a message reads as written in `language`: Japanese has kana and no run of three
 * English words; English has such a run and no hiragana. Names and codes quoted in a message
 * (a role code, an item ID) stay as they are in either language, so a single word is allowed.
 * Soft, so that a message in the wrong language does not hide the next one's.
 */
export async function expectWordedIn(message: Locator, language: Language) {
  await expect(message).toBeVisible();
  const text = (await message.innerText()).trim();
  const englishRun = /[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/;
  if (language === "ja") {
    expect.soft(text, `Japanese page: ${text}`).toMatch(/[\u3040-\u30ff]/);
    expect.soft(text, `Japanese page: ${text}`).not.toMatch(englishRun);
  } else {
    expect.soft(text, `English page: ${text}`).toMatch(englishRun);
    expect.soft(text, `English page: ${text}`).not.toMatch(/[\u3040-\u309f]/);
  }
}

/** Waits until the browser has taken the page over (hydrated project only). */
export async function settle(page: Page, testInfo: TestInfo) {
  if (hydrated(testInfo)) {
    await expect(page.locator("html[data-hydrated=true]")).toHaveCount(1);
  }
}

/**
 * Fails on serious or critical accessibility violations (WCAG 2.x A and AA rules).
 * axe runs as a script, so with JavaScript off it checks a twin of the page: same URL and
 * cookies, scripting on, but the app's own scripts blocked, so it sees the server's HTML.
 */
export async function expectAccessible(page: Page, testInfo: TestInfo) {
  if (hydrated(testInfo)) {
    return expectNoSeriousViolations(page);
  }
  const context = await page.context().browser()!.newContext({
    javaScriptEnabled: true,
    storageState: await page.context().storageState(),
    locale: "ja-JP",
  });
  try {
    const twin = await context.newPage();
    await twin.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
    await twin.goto(page.url());
    await expectNoSeriousViolations(twin);
  } finally {
    await context.close();
  }
}

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}

export async function logIn(page: Page, testInfo: TestInfo, login: string, password = PASSWORD) {
  await page.goto("/login");
  await settle(page, testInfo);
  await expectAccessible(page, testInfo);
  await page.getByLabel("職員番号またはメールアドレス").fill(login);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "ログイン" }).click();
}

/** A file of end2end/fixtures/. */
export const fixture = (name: string) => path.join(__dirname, "..", "fixtures", name);

/** The module editor's section for one kind of upload, by its heading. */
export const uploadSection = (page: Page, heading: string) =>
  page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: heading }) });

/** The trainer (logged in) starts a module and lands in its editor. */
export async function startModule(page: Page, testInfo: TestInfo, title: string, slug: string) {
  await expect(page.getByRole("heading", { level: 1, name: "マイ研修" })).toBeVisible();
  await page.goto("/trainer");
  await settle(page, testInfo);
  await page.getByLabel("題名").fill(title);
  await page.getByLabel(/^識別名/).fill(slug);
  await page.getByRole("button", { name: "作成して編集する" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await settle(page, testInfo);
}

/** Opens a part of the module editor by its tab: /^資料/, /^確認テスト/ or "公開と割当て". */
export async function editorPart(page: Page, testInfo: TestInfo, part: RegExp | string) {
  const parts = page.getByRole("navigation", { name: "編集する内容" });
  await parts.getByRole("link", { name: part }).click();
  await expect(parts.locator("a[aria-current=page]")).toHaveText(part);
  await settle(page, testInfo);
}

/**
 * A destructive or public action, which asks first: opens the button (`label`), checks that
 * nothing happened yet by leaving it open, and presses the one that does it (`confirm`).
 */
export async function confirmAction(scope: Page | Locator, label: string, confirm: string) {
  // An inner locator of `has` is matched inside each candidate, so it starts from the page.
  const page = "page" in scope ? scope.page() : scope;
  const asking = scope.locator("details.confirm").filter({ has: page.locator("summary").getByText(label, { exact: true }) });
  await asking.locator("summary").click();
  await asking.getByRole("button", { name: confirm, exact: true }).click();
}

/** Parses a CSV download (UTF-8 with a byte-order mark, no quoted commas in these). */
export function csvRows(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text.slice(1).trim().split("\r\n").map((line) => line.split(","));
}

/**
 * The body of the mail the server wrote for `address` (no SMTP server is configured in these
 * tests) that contains `text`: reminders and notices go to them too.
 */
export async function mailTo(address: string, text: string): Promise<string> {
  const outbox = process.env.MAMORI_E2E_OUTBOX;
  if (!outbox) throw new Error("MAMORI_E2E_OUTBOX is not set (scripts/test sets it)");
  let found: string | undefined;
  await expect
    .poll(() => {
      found = readdirSync(outbox)
        .filter((f) => f.endsWith(".eml"))
        .map((f) => readFileSync(path.join(outbox, f), "utf8"))
        .filter((eml) => eml.includes(`<${address}>`))
        .map(bodyOf)
        .find((body) => body.includes(text));
      return found !== undefined;
    }, { timeout: 15_000 })
    .toBe(true);
  return found!;
}

/** The text of a single-part mail, decoded from base64 when so encoded. */
function bodyOf(eml: string): string {
  const [head, ...rest] = eml.split("\r\n\r\n");
  const body = rest.join("\r\n\r\n");
  return /content-transfer-encoding:\s*base64/i.test(head)
    ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
    : body;
}
