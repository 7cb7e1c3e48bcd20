import { createHmac } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ClientIdentity, MtlsListener } from "#test/support/certificates.ts";
import { samplePdf } from "#test/support/dossiers.ts";
import { officeApi } from "#test/support/office-api.ts";
import { uploadByOfficeApi } from "#test/support/office-api-files.ts";
import nl from "../../src/web/ui/i18n/nl.json" with { type: "json" };
import { browserForFile } from "./support/browser.ts";
import { loggedInPage } from "./support/demo-login.ts";
import { checkPage } from "./support/layout.ts";
import { fill } from "./support/translations.ts";

/**
 * The office API end to end (issue 16), in Chromium: the demo office's admin adds a webhook on
 * "Koppelingen" and keeps its secret; the office's practice software, with the demo office
 * certificate over mTLS, creates a dossier for Jan Jansen and publishes a document in it; Jan
 * sees both in the portal and writes a message there; the webhook reaches the receiver this test
 * runs, signed with the secret.
 */
const browser = browserForFile();
const sara = { email: "sara@devriespartners.nl", phone: "+31612340001" };
const jan = { email: "jan.jansen@example.nl" };
const number = `2026.${String(Date.now()).slice(-4)}`;
const description = "Hypotheekakte via de praktijksoftware";
const documentTitle = "Concept hypotheekakte";

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let receiver: Server;
const received: Received[] = [];
let hookUrl: string;
let secret = "";
let listener: MtlsListener;
let identity: ClientIdentity;
let dossierId: string;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/poort-hooks`;
  // The demo office's certificate, as `npm start` writes it for the office's software.
  const folder = path.join(inject("dataDir"), "demo-certificate");
  identity = {
    pfx: await readFile(path.join(folder, "devriespartners.p12")),
    passphrase: (await readFile(path.join(folder, "password.txt"), "utf8")).trim(),
  };
  listener = {
    port: Number(new URL(inject("mtlsUrl")).port),
    ca: await readFile(path.join(folder, "ca-chain.pem"), "utf8"),
    close: async () => {},
  };
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

/** The Standard Webhooks signature of a delivery under the `whsec_` secret. */
function signatureOf(delivery: Received): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signed = `${delivery.headers["webhook-id"]}.${delivery.headers["webhook-timestamp"]}.${delivery.body}`;
  return `v1,${createHmac("sha256", key).update(signed).digest("base64")}`;
}

describe("the office's software publishes into the portal and hears back", () => {
  const k = nl.office.integrations;

  it("lets the office's admin add a webhook and keep its secret", async () => {
    const { page } = await loggedInPage(browser, "office", sara, "nl");
    await page.getByRole("link", { name: k.title }).first().click();
    await page.getByRole("heading", { level: 1, name: k.title }).waitFor();
    await page.getByLabel(k.add.url).fill(hookUrl);
    await page.getByLabel(k.add.description).fill("Praktijksoftware van De Vries & Partners");
    await page.getByRole("button", { name: k.add.submit }).click();
    await page.getByText(fill(k.secret.intro, { url: hookUrl })).waitFor();
    secret = (await page.getByTestId("webhook-secret").textContent()) ?? "";
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    await checkPage(page, "integrations, secret shown once");
    await page.getByRole("button", { name: k.secret.done }).click();
    await page.getByRole("cell", { name: hookUrl }).waitFor();
    await checkPage(page, "integrations");
  });

  it("creates a dossier for Jan Jansen and publishes a document, over mTLS", async () => {
    const api = officeApi(listener, identity);
    const options = (await api.get("/api/office/v1/dossier-options")).json();
    const janClient = options.clients.find(
      (client: { name: string }) => client.name === "Jan Jansen",
    );
    const created = await api.post(
      "/api/office/v1/dossiers",
      { number, description, clientIds: [janClient.id] },
      { "idempotency-key": `dossier-${number}` },
    );
    expect(created.status).toBe(201);
    dossierId = created.json().id;
    const uploaded = await uploadByOfficeApi(listener, identity, dossierId, {
      category: "documents",
      title: documentTitle,
      name: "concept-hypotheekakte.pdf",
      content: samplePdf("Concept hypotheekakte"),
      publish: true,
    });
    expect(uploaded.status).toBe(201);
  });

  it("shows Jan the dossier and the document; his message reaches the webhook, signed", async () => {
    const { page } = await loggedInPage(browser, "portal", jan, "nl");
    const p = nl.portal;
    await page.goto("/portal/dossiers");
    await page.getByLabel(p.dossiers.search).fill(number);
    await page.getByRole("button", { name: p.dossiers.searchButton }).click();
    await page.getByRole("row").filter({ hasText: number }).getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: new RegExp(description) }).waitFor();
    await page.getByRole("tab", { name: new RegExp(`^${nl.dossiers.category.documents}`) }).click();
    await page.getByText(documentTitle, { exact: true }).first().waitFor();
    await checkPage(page, "the API's dossier in the portal");

    await page.getByRole("tab", { name: new RegExp(`^${nl.dossiers.category.messages}`) }).click();
    await page.getByRole("button", { name: nl.messages.new, exact: true }).click();
    const form = page.getByRole("region", { name: nl.messages.new });
    await form.getByLabel(nl.messages.compose.subject).fill("Vraag over de hypotheekakte");
    await form.getByLabel(nl.messages.compose.body).fill("Klopt het bedrag in artikel 2?");
    await form.getByRole("button", { name: nl.messages.compose.send }).click();
    await page
      .getByText(fill(nl.messages.compose.sent, { subject: "Vraag over de hypotheekakte" }))
      .waitFor();

    await expect
      .poll(
        () =>
          received.find(
            (delivery) =>
              JSON.parse(delivery.body).type === "message.received" &&
              JSON.parse(delivery.body).dossierId === dossierId,
          ),
        { timeout: 20_000, interval: 200 },
      )
      .toBeDefined();
    const delivery = received.find(
      (candidate) => JSON.parse(candidate.body).dossierId === dossierId,
    ) as Received;
    const signatures = String(delivery.headers["webhook-signature"]).split(" ");
    expect(signatures).toContain(signatureOf(delivery));
    // The webhook names what happened, never what the message says.
    expect(delivery.body).not.toContain("artikel 2");
  });
});
