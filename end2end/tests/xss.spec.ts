import { expect, request, test, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { ADMIN, MANAGER, PASSWORD, TRAINER, hydrated, logIn, settle } from "./helpers";

/**
 * The security review's sweep (issue 19): markup typed into every field a user can write, and
 * into the query parameters pages echo, must stay text on every page that shows it, for every
 * role. The payload closes a text area and the title, then tries a script and an event handler;
 * a dialog would mean it ran.
 */
const PAYLOAD = `"><svg onload=alert(1)></textarea></title><script>alert(2)</script>`;

/** A logged-in API client, as the pages' own scripts call the server functions. */
async function apiAs(baseURL: string, login: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const response = await api.post("/api/login", { form: { login, password: PASSWORD } });
  expect(response.status(), `login as ${login}`).toBe(200);
  return api;
}

async function call(api: APIRequestContext, endpoint: string, form: Record<string, string | number>) {
  const response = await api.post(`/api/${endpoint}`, { form });
  expect(response.status(), `${endpoint}: ${await response.text()}`).toBe(200);
  return response.json();
}

/** GIFT's special characters, escaped, so that the payload is one question's text. */
const gift = (text: string) => text.replace(/[=~#{}:]/g, (c) => `\\${c}`);

/** Visits each path and fails if any dialog opened; the payload must show as typed text. */
async function visitAll(page: Page, testInfo: TestInfo, paths: string[]) {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await settle(page, testInfo);
    await expect(page.locator("svg[onload], script:not([src]):not([nonce])"), path).toHaveCount(0);
  }
  expect(dialogs, "no script of the payload ran").toEqual([]);
}

test("markup typed anywhere stays text on every page, for every role", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const run = hydrated(testInfo) ? "h" : "n";
  const slug = `xss-probe-${run}`;
  const year = hydrated(testInfo) ? 2091 : 2090;

  // A trainer writes the payload into a module, a page and a quiz question with its feedback.
  const trainer = await apiAs(baseURL!, TRAINER);
  await call(trainer, "create_module", { slug, title: PAYLOAD, summary: PAYLOAD, estimated_minutes: 5 });
  await call(trainer, "add_page", { slug, title: PAYLOAD, markdown: PAYLOAD, min_active_seconds: 0 });
  const question = `::${gift("問")}:: ${gift(PAYLOAD)} {=${gift(PAYLOAD)}#${gift(PAYLOAD)} ~誤り#${gift(PAYLOAD)}}`;
  await call(trainer, "import_question_pool", { slug, format: "gift", text: question });
  await call(trainer, "publish_module", { slug });

  // An admin writes it into a person's name and a self-inspection item.
  const admin = await apiAs(baseURL!, ADMIN);
  const found = await call(admin, "search_staff", { query: "消費者安全課", page: 1 });
  const rows = found.rows as { employee_id: string; email: string; division: string; security_roles: string[] }[];
  const person = rows[rows.length - (hydrated(testInfo) ? 2 : 1)];
  const form: Record<string, string> = {
    employee_id: person.employee_id,
    name: `試験${PAYLOAD}`,
    email: person.email,
    division: person.division,
  };
  person.security_roles.forEach((role, i) => {
    form[`roles[${i}]`] = role.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();
  });
  await call(admin, "edit_staff", form);
  await call(admin, "save_inspection_campaign", { fiscal_year: year });
  await call(admin, "add_inspection_item", { fiscal_year: year, item_id: "X-1", group: "staff", text: PAYLOAD });

  const echoed = encodeURIComponent(PAYLOAD);
  const id = person.employee_id;
  const byRole: [string, string[]][] = [
    [
      TRAINER,
      [
        "/trainer",
        `/trainer/modules/${slug}`,
        `/trainer/modules/${slug}?upload_error=failed&kind=document&description=${echoed}&title=${echoed}`,
        `/results/quizzes/${slug}`,
        `/reports/materials/${slug}`,
      ],
    ],
    [MANAGER, ["/manager", `/manager/staff/${id}`, `/reports/staff/${id}`, "/reports/people"]],
    [
      ADMIN,
      [
        `/admin/staff?q=${id}`,
        `/admin/staff?q=${echoed}`,
        `/admin/staff/${id}`,
        `/reports/staff/${id}`,
        `/admin/inspection/${year}`,
        `/admin/audit?person=${echoed}`,
      ],
    ],
  ];
  await visitAll(page, testInfo, [`/login?next=${echoed}`]);
  for (const [login, paths] of byRole) {
    await page.context().clearCookies();
    await logIn(page, testInfo, login);
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await visitAll(page, testInfo, paths);
  }
  // The payload is shown as typed where it is stored.
  await page.goto(`/admin/staff/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("</textarea></title><script>");
});
