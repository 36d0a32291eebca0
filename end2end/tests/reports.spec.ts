import { expect, test, type Download, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import * as XLSX from "xlsx";
import { ADMIN, MANAGER, chooseLanguage, csvRows, expectAccessible, logIn, settle } from "./helpers";

// Other specs assign new modules to everyone while this one runs, so its numbers come from
// a demo module that no test takes: 情報の格付けと取扱制限.
const MODULE = "情報の格付けと取扱制限";

/** A table row's cells (after its heading cell) as numbers: assigned, then each standing. */
async function countsOf(page: Page, section: string, rowName: string): Promise<number[]> {
  const row = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { level: 2, name: section, exact: true }) })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: rowName, exact: true }) });
  await expect(row).toHaveCount(1);
  const links = row.locator("td.number a");
  const texts = await links.allTextContents();
  return texts.slice(0, 5).map(Number);
}

async function downloaded(page: Page, name: RegExp): Promise<Download> {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name }).first().click();
  return download;
}

/** The export link of a section, by its file type. */
async function sectionDownload(page: Page, section: string, type: "CSV" | "Excel"): Promise<string> {
  const area = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { level: 2, name: section, exact: true }) });
  const download = page.waitForEvent("download");
  await area.getByRole("link", { name: new RegExp(`^${type}`) }).click();
  return (await download).path();
}

test("an admin reads the dashboard, drills down to the people behind a number, and the files say the same", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await logIn(page, testInfo, ADMIN);
  await page.getByRole("link", { name: "受講状況" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "研修の受講状況" })).toBeVisible();
  await settle(page, testInfo);
  await expectAccessible(page, testInfo);
  for (const heading of ["所属別", "セキュリティ上の役割別", "自己点検の実施主体別", "研修別", "年度別", "修了率の推移"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("img", { name: /所属別/ })).toBeVisible();
  await expect(page.locator(".chart-legend").first().getByRole("listitem")).toHaveText(["修了", "受講中", "未受講", "期限超過"]);
  const divisionRows = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { level: 2, name: "所属別", exact: true }) })
    .locator("tbody tr");
  await expect(divisionRows).toHaveCount(9);
  // Shares in brackets: full-width in Japanese, plain in English (not 「459（40.3%）」).
  await expect(page.locator(".report-totals .share").first()).toHaveText(/^（\d+\.\d%）$/);
  await chooseLanguage(page, "en");
  await page.reload();
  await expect(page.locator(".report-totals .share").first()).toHaveText(/^\s*\(\d+\.\d%\)$/);
  await chooseLanguage(page, "ja");
  await page.reload();
  await settle(page, testInfo);

  // The module's numbers on the dashboard, in its CSV and in its workbook.
  const [assigned, completed, inProgress, notStarted, overdue] = await countsOf(page, "研修別", MODULE);
  expect(assigned).toBe(completed + inProgress + notStarted + overdue);
  expect(completed).toBeGreaterThan(0);
  const csv = csvRows(readFileSync(await sectionDownload(page, "研修別", "CSV"), "utf8"));
  expect(csv[0].slice(0, 4)).toEqual(["研修", "対象数", "修了", "修了率(%)"]);
  const csvLine = csv.find((line) => line[0] === MODULE)!;
  expect([1, 2, 4, 6, 8].map((i) => Number(csvLine[i]))).toEqual([assigned, completed, inProgress, notStarted, overdue]);
  expect(csvLine[3]).toBe((Math.round((completed / assigned) * 1000) / 10).toFixed(1));
  const book = XLSX.read(readFileSync(await sectionDownload(page, "研修別", "Excel")));
  const sheet: unknown[][] = XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]], { header: 1 });
  const sheetLine = sheet.find((line) => line[0] === MODULE)!;
  expect([1, 2, 4, 6, 8].map((i) => sheetLine[i])).toEqual([assigned, completed, inProgress, notStarted, overdue]);
  expect(sheetLine[3]).toBeCloseTo(completed / assigned, 10);

  // Drill down from the module's "completed" number.
  const moduleRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: MODULE, exact: true }) });
  await moduleRow.locator("td.number a").nth(1).click();
  await expect(page.getByRole("heading", { level: 1, name: "対象者の一覧" })).toBeVisible();
  await settle(page, testInfo);
  await expect(page.getByText(`該当 ${completed} 件`, { exact: true })).toBeVisible();
  await expect(page.getByText(`絞り込み: ${MODULE}`)).toBeVisible();
  const statusCells = page.locator("tbody td.status");
  await expect(statusCells.first()).toHaveText("修了");
  await expectAccessible(page, testInfo);
  const people = csvRows(readFileSync(await (await downloaded(page, /^CSV/)).path(), "utf8"));
  expect(people.length - 1).toBe(completed);
  expect(new Set(people.slice(1).map((line) => line[3]))).toEqual(new Set([MODULE]));
  expect(new Set(people.slice(1).map((line) => line[6]))).toEqual(new Set(["修了"]));

  // Narrow it to one division with the filter form, then sort by name.
  await page.getByRole("combobox", { name: "課", exact: true }).selectOption("総務課");
  await page.getByRole("button", { name: "絞り込む" }).click();
  await expect(page).toHaveURL(/division=/);
  const divisions = await page.locator("tbody tr td:nth-child(3)").allTextContents();
  expect(divisions.length).toBeGreaterThan(0);
  expect(new Set(divisions)).toEqual(new Set(["総務課"]));
  await page.getByRole("link", { name: "氏名" }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(page.getByRole("columnheader", { name: "氏名" })).toHaveAttribute("aria-sort", "ascending");
  const names = await page.locator("tbody tr td:nth-child(2)").allTextContents();
  expect(names).toEqual([...names].sort());

  // A person's transcript.
  await page.locator("tbody tr th a").first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^受講履歴: / })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: MODULE }).getByText("修了", { exact: true })).toBeVisible();
  await expectAccessible(page, testInfo);

  // Who opened the module's materials.
  await page.goto("/reports");
  await page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: MODULE, exact: true }) })
    .getByRole("link", { name: "資料の閲覧状況" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `資料の閲覧状況: ${MODULE}` })).toBeVisible();
  await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(3);
  await expectAccessible(page, testInfo);
});

test("a manager sees their division only, and its files agree", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await logIn(page, testInfo, MANAGER);
  await page.getByRole("link", { name: "受講状況" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "研修の受講状況" })).toBeVisible();
  await expect(page.getByText("所管の課室の職員（基準日の所属）だけを表示しています。")).toBeVisible();
  await expectAccessible(page, testInfo);
  const divisionRows = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { level: 2, name: "所属別", exact: true }) })
    .locator("tbody tr th");
  await expect(divisionRows).toHaveText(["消費者安全課"]);
  const [assigned, completed, , , overdue] = await countsOf(page, "研修別", MODULE);

  // The module's overdue people, then all its people as a file: their division only.
  await page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: MODULE, exact: true }) })
    .locator("td.number a").nth(4).click();
  await expect(page.getByText(`該当 ${overdue} 件`, { exact: true })).toBeVisible();
  await expectAccessible(page, testInfo);
  await page.getByRole("combobox", { name: "状態", exact: true }).selectOption("");
  await page.getByRole("button", { name: "絞り込む" }).click();
  await expect(page.getByText(`該当 ${assigned} 件`, { exact: true })).toBeVisible();
  const people = csvRows(readFileSync(await (await downloaded(page, /^CSV/)).path(), "utf8"));
  expect(people.length - 1).toBe(assigned);
  expect(new Set(people.slice(1).map((line) => line[2]))).toEqual(new Set(["消費者安全課"]));
  expect(people.slice(1).filter((line) => line[6] === "修了").length).toBe(completed);

  // Someone of another division is out of reach.
  await page.goto("/reports/staff/E0013");
  await expect(page.getByRole("heading", { level: 1, name: "お探しのページは見つかりませんでした。" })).toBeVisible();
});
