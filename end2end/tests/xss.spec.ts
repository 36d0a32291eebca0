import { expect, request, test, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { readFileSync } from "node:fs";
import { ADMIN, FISCAL_YEAR, MANAGER, PASSWORD, TRAINER, fixture, hydrated, logIn, mailTo, settle } from "./helpers";

/**
 * The security review's sweep (issue 19): markup typed into every field a user can write, and
 * into the query parameters pages echo, must stay text on every page that shows it, for every
 * role. The payload closes a text area and the title, then tries a script and an event handler;
 * a dialog would mean it ran.
 */
const PAYLOAD = `"><svg onload=alert(1)></textarea></title><script>alert(2)</script>`;

/** A logged-in API client, as the pages' own scripts call the server functions. */
async function apiAs(baseURL: string, login: string, password = PASSWORD): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const response = await api.post("/api/login", { form: { login, password } });
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
  // And a document whose file name is the payload (no slash: a name cannot hold one).
  const upload = await trainer.post(`/trainer/modules/${slug}/materials`, {
    multipart: {
      kind: "document",
      title: PAYLOAD,
      description: PAYLOAD,
      file: { name: `"><svg onload=alert(3)>.pdf`, mimeType: "application/pdf", buffer: readFileSync(fixture("rules.pdf")) },
    },
    maxRedirects: 0,
  });
  expect(upload.status()).toBe(303);
  expect(upload.headers()["location"]).not.toContain("error");
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
  // Their set-password page greets them by name, to anyone holding the link.
  await call(admin, "send_password_link", { employee_id: person.employee_id });
  const greeting = (await mailTo(person.email, "/set-password/")).split(/\r?\n/).find((line) => line.includes("/set-password/"))!;
  const setPasswordPath = new URL(greeting.trim()).pathname;
  // A staff file whose new person is named with it, shown in the import preview (not applied).
  const joiner = hydrated(testInfo) ? "E9802" : "E9801";
  const csv = `employee_id,name,email,division,roles,active_from,active_until\r\n${joiner},"${PAYLOAD.replace(/"/g, '""')}",xss.${joiner.toLowerCase()}@agency.example,総務課,staff,2026-04-01,\r\n`;
  const preview = await admin.post("/admin/staff/import", {
    multipart: { file: { name: "staff.csv", mimeType: "text/csv", buffer: Buffer.from(csv) } },
    maxRedirects: 0,
  });
  expect(preview.status()).toBe(303);
  const previewPath = preview.headers()["location"];
  expect(previewPath).toMatch(/^\/admin\/staff\/import\/\d+$/);
  // And into the template of a mail no other spec reads (the holiday list, which another spec
  // edits, is checked on the server's HTML in security.rs).
  await call(admin, "save_mail_template", { kind: "inspection_reminder", subject: PAYLOAD, body: PAYLOAD });
  await call(admin, "save_inspection_campaign", { fiscal_year: year });
  await call(admin, "add_inspection_item", { fiscal_year: year, item_id: "X-1", group: "staff", text: PAYLOAD });

  // A learner of a division no other spec reads gets a password and the module, starts the
  // quiz and answers it, so that the question and its feedback are on their pages.
  const divisions = (await call(admin, "division_list", {})) as string[];
  const division = divisions.filter((d) => d !== "総務課" && d !== "消費者安全課")[hydrated(testInfo) ? 1 : 0];
  const learner = (await call(admin, "search_staff", { query: division, page: 1 })).rows[0] as { employee_id: string; email: string };
  await call(admin, "send_password_link", { employee_id: learner.employee_id });
  const link = (await mailTo(learner.email, "/set-password/")).split(/\r?\n/).find((line) => line.includes("/set-password/"))!;
  const token = link.trim().split("/set-password/")[1];
  const passphrase = "sweep-passphrase-of-the-learner";
  await call(await request.newContext({ baseURL }), "set_password_with_link", { token, password: passphrase, password_again: passphrase });
  await call(trainer, "assign_module", {
    slug,
    target: "divisions",
    "chosen[0]": `division:${division}`,
    due_kind: "on",
    due_on: `${FISCAL_YEAR + 1}-03-31`,
  });
  // They complete it (the page read to its end, the document opened, the quiz passed with the
  // payload answer), so that their certificate shows the module's title too.
  const taking = await apiAs(baseURL!, learner.employee_id, passphrase);
  const player = await call(taking, "take_module", { slug });
  for (const { material } of player.materials as { material: { id: number; body: Record<string, unknown> } }[]) {
    if ("Page" in material.body) {
      await call(taking, "material_heartbeat", { material_id: material.id, beat: "opened", reached_end: "true" });
    } else {
      expect((await taking.get(`/materials/${material.id}/file`)).status()).toBe(200);
    }
  }
  const attempt = await call(taking, "start_quiz_attempt", { slug });
  const right = (attempt.questions[0].options as string[]).findIndex((option) => option.includes("<script>"));
  await call(taking, "submit_quiz_attempt", { attempt_id: attempt.id, "answers[0]": `0:${right}` });
  const certificate = await call(taking, "my_certificate", { slug });

  const echoed = encodeURIComponent(PAYLOAD);
  const id = person.employee_id;
  const byRole: [string, string[]][] = [
    [
      TRAINER,
      [
        "/trainer",
        `/trainer/modules/${slug}`,
        `/trainer/modules/${slug}?tab=quiz`,
        `/trainer/modules/${slug}?tab=publish`,
        `/trainer/modules/${slug}?upload_error=failed&kind=document&description=${echoed}&title=${echoed}`,
        `/results/quizzes/${slug}`,
        `/reports/materials/${slug}`,
        "/reports",
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
        `/inspection/${year}/results`,
        "/admin/inspection",
        "/admin/mail",
        previewPath,
        `/admin/audit?person=${echoed}`,
        `/admin/certificates?code=${certificate.verification_code}`,
      ],
    ],
  ];
  await visitAll(page, testInfo, [`/login?next=${echoed}`, setPasswordPath]);
  byRole.push([
    learner.employee_id,
    ["/", `/modules/${slug}`, `/modules/${slug}/quiz`, `/modules/${slug}/certificate`, "/account"],
  ]);
  for (const [login, paths] of byRole) {
    await page.context().clearCookies();
    await logIn(page, testInfo, login, login === learner.employee_id ? passphrase : undefined);
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await visitAll(page, testInfo, paths);
  }
  // The payload is shown as typed where it is stored: here the module's title, to its learner,
  // and the mail template, to the admin.
  await page.goto(`/modules/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("</textarea></title><script>");
  await page.context().clearCookies();
  await logIn(page, testInfo, ADMIN);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.goto("/admin/mail");
  await expect(page.locator("#template-inspection_reminder-body")).toHaveValue(PAYLOAD);
});
