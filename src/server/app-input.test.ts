import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActiveClient, createOfficeStaff, createTestOffice } from "#test/support/accounts.ts";
import { ApiClient } from "#test/support/api-client.ts";
import { createServicedeskStaff } from "#test/support/certificates.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

type Method = "GET" | "POST" | "PUT" | "PATCH";
interface BadInput {
  method: Method;
  /** A function when the URL holds an id made in `beforeAll`. */
  url: string | (() => string);
  body?: unknown;
  /** The field the 400 must name, as the error handler writes it. */
  field: string;
}

/**
 * Input that PostgreSQL or a later check would choke on (a NUL byte, a mobile number that is
 * no number) must be refused by the contract with a 400 that names the field, never a 500.
 */
describe.each(testDatabaseKinds)("free text and phone numbers in requests, on %s", (kind) => {
  let subject: TestApp;
  let staff: ApiClient;
  let client: ApiClient;
  let company: ApiClient;
  let servicedesk: ApiClient;
  let officeId: string;
  let dossierId: string;

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const office = await createTestOffice(subject);
    officeId = office.id;
    staff = await createOfficeStaff(subject, office.id, "sara@vandam.nl");
    client = await createActiveClient(subject, office.id, "jan@example.nl");
    company = await createActiveClient(subject, office.id, "anna@bol.nl", "company");
    servicedesk = await createServicedeskStaff(subject, "noor@servicedesk.nl");
    const dossier = await staff.post("/api/office/dossiers", {
      number: "2026-100",
      description: "Levering woning",
    });
    dossierId = dossier.json().id;
  });
  afterAll(() => subject.close());

  function send(browser: ApiClient, { method, url, body }: BadInput) {
    const path = typeof url === "string" ? url : url();
    if (method === "GET") return browser.get(path);
    return browser.send(method, path, body, { "x-csrf-token": browser.csrfToken ?? "" });
  }

  async function expectRefusal(browser: ApiClient, input: BadInput) {
    const response = await send(browser, input);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.details[0].path).toBe(input.field);
  }

  const person = { kind: "person", name: "Piet Pieters", email: "piet@example.nl" };

  it.each<BadInput>([
    { method: "GET", url: "/api/office/dossiers?q=%00", field: "querystring.q" },
    {
      method: "POST",
      url: "/api/office/clients",
      body: { ...person, name: "a\u0000b" },
      field: "body.name",
    },
    {
      method: "POST",
      url: "/api/office/clients",
      body: { ...person, kind: "company", name: "Bol B.V.", contactName: "Anna\u0000" },
      field: "body.contactName",
    },
    {
      method: "POST",
      url: "/api/office/clients",
      body: { ...person, mobile: "abc" },
      field: "body.mobile",
    },
    {
      method: "POST",
      url: "/api/office/clients",
      body: { ...person, mobile: "-1" },
      field: "body.mobile",
    },
    {
      method: "POST",
      url: "/api/office/staff",
      body: { name: "Sa\u0000ra", email: "sara2@vandam.nl", role: "handler" },
      field: "body.name",
    },
    {
      method: "POST",
      url: "/api/office/dossiers",
      body: { number: "2026-001", description: "Levering\u0000" },
      field: "body.description",
    },
    {
      method: "PATCH",
      url: () => `/api/office/dossiers/${dossierId}`,
      body: { description: "Levering\u0000" },
      field: "body.description",
    },
    {
      method: "PUT",
      url: () => `/api/office/dossiers/${dossierId}/progress`,
      body: { steps: [{ title: "Akte\u0000", doneOn: null }] },
      field: "body.steps.0.title",
    },
    {
      method: "POST",
      url: "/api/office/dossier-statuses",
      body: { label: "Wacht\u0000" },
      field: "body.label",
    },
    // Half of a surrogate pair, which JSON can escape and PostgreSQL refuses in the audit's jsonb.
    {
      method: "POST",
      url: "/api/office/dossier-statuses",
      body: { label: "Wacht \ud83d" },
      field: "body.label",
    },
  ])("refuses $method with $field for office staff", (input) => expectRefusal(staff, input));

  it.each<BadInput>([
    { method: "GET", url: "/api/portal/dossiers?q=%00", field: "querystring.q" },
    { method: "PATCH", url: "/api/me/profile", body: { name: "a\u0000b" }, field: "body.name" },
    { method: "PATCH", url: "/api/me/profile", body: { name: "a\nb" }, field: "body.name" },
    {
      method: "POST",
      url: "/api/me/two-factor/sms",
      body: { mobile: "abcdefgh" },
      field: "body.mobile",
    },
    {
      method: "POST",
      url: "/api/me/two-factor/sms",
      body: { mobile: "-1-1-1-1" },
      field: "body.mobile",
    },
  ])("refuses $method with $field for a client", (input) => expectRefusal(client, input));

  it("refuses a control character in an extra account's name", () =>
    expectRefusal(company, {
      method: "POST",
      url: "/api/me/extra-accounts",
      body: { name: "Kees\u0000", email: "kees@bol.nl" },
      field: "body.name",
    }));

  it.each<BadInput>([
    { method: "GET", url: "/api/servicedesk/offices?q=%00", field: "querystring.q" },
    {
      method: "POST",
      url: () => `/api/servicedesk/offices/${officeId}/reissue-demands`,
      body: { reason: "Sleutel\u0000 gelekt" },
      field: "body.reason",
    },
  ])("refuses $method with $field for the servicedesk", (input) =>
    expectRefusal(servicedesk, input),
  );

  it("refuses a NUL byte in a password, which no keyboard types", async () => {
    const browser = new ApiClient(subject.app);
    await browser.refreshCsrfToken();
    await expectRefusal(browser, {
      method: "POST",
      url: "/api/auth/login",
      body: { area: "portal", email: "jan@example.nl", password: "zonnige\u0000kade" },
      field: "body.password",
    });
  });

  it("keeps a reissue demand's line breaks and a Dutch mobile number's normal form", async () => {
    const started = await client.post("/api/me/two-factor/sms", { mobile: " 06 11112222 " });
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json().phone).toBe("+31611112222");
    const demand = await servicedesk.post(`/api/servicedesk/offices/${officeId}/reissue-demands`, {
      reason: "De sleutel is gelekt.\nVraag een nieuw certificaat aan.",
    });
    expect(demand.statusCode, demand.body).toBeLessThan(300);
  });
});
