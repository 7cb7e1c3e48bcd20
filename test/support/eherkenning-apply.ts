import { embeddedCompanies } from "#src/server/modules/kvk-register/embedded-register.ts";
import {
  catalogueServices,
  serviceProviders,
} from "#src/server/modules/service-catalogue/schema.ts";
import { ApiClient } from "./api-client.ts";
import { multipartBody, samplePdf } from "./dossiers.ts";
import { lastMailTo, lastSmsTo, linkToken } from "./outbox.ts";
import type { TestApp } from "./test-app.ts";

/** A provider with a service at EH2+ and one at EH3, as the catalogue admin would add them. */
export async function seedCatalogue(subject: TestApp) {
  const db = subject.services.database.db;
  const now = subject.clock.now();
  const [provider] = await db
    .insert(serviceProviders)
    .values({ oin: "00000009876543210000", name: "Gemeente Testdorp", createdAt: now })
    .returning();
  if (!provider) throw new Error("no provider");
  const [low, high] = await db
    .insert(catalogueServices)
    .values([
      {
        providerId: provider.id,
        serviceIndex: 1,
        nameNl: "Parkeervergunning",
        nameEn: "Parking permit",
        level: "EH2+",
        createdAt: now,
      },
      {
        providerId: provider.id,
        serviceIndex: 2,
        nameNl: "Omgevingsvergunning",
        nameEn: "Environmental permit",
        level: "EH3",
        createdAt: now,
      },
    ])
    .returning();
  if (!low || !high) throw new Error("no services");
  return { providerId: provider.id, eh2Service: low.id, eh3Service: high.id };
}

/** A request with the CSRF token, for the methods ApiClient has no short form of. */
export async function sendJson(
  client: ApiClient,
  method: "PUT" | "DELETE" | "POST",
  url: string,
  body?: unknown,
) {
  if (!client.csrfToken) await client.refreshCsrfToken();
  return client.send(method, url, body, { "x-csrf-token": client.csrfToken ?? "" });
}

export const applicationUrl = "/api/eherkenning/applications/current";

/** The six-digit code in a mail's or text message's text. */
export function codeIn(text: string): string {
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  if (!code) throw new Error(`no code in "${text}"`);
  return code;
}

export interface UserDetails {
  name: string;
  email: string;
  /** E.164, as the outbox shows it. */
  mobile: string;
}

export const defaultUser: UserDetails = {
  name: "Lotte Bakker",
  email: "lotte@example.nl",
  mobile: "+31612345678",
};

/** A browser that starts an application. */
export async function startApplicant(subject: TestApp, ip = "203.0.113.10") {
  const applicant = new ApiClient(subject.app, ip);
  const started = await applicant.post("/api/eherkenning/applications");
  if (started.statusCode !== 201) throw new Error(`start: ${started.body}`);
  return applicant;
}

/** Step 2's contacts: saved, and each verified with the code that was sent. */
export async function verifyContacts(
  subject: TestApp,
  applicant: ApiClient,
  user: UserDetails = defaultUser,
) {
  const saved = await sendJson(applicant, "PUT", `${applicationUrl}/user`, user);
  if (saved.statusCode !== 200) throw new Error(`user: ${saved.body}`);
  for (const contact of ["email", "mobile"] as const) {
    const sent = await applicant.post(`${applicationUrl}/contact-codes`, { contact });
    if (sent.statusCode !== 200) throw new Error(`code: ${sent.body}`);
    const text =
      contact === "email"
        ? (await lastMailTo(subject, user.email)).text
        : await lastSmsTo(subject, user.mobile);
    const verified = await applicant.post(`${applicationUrl}/contact-verification`, {
      contact,
      code: codeIn(text),
    });
    if (verified.statusCode !== 200) throw new Error(`verify: ${verified.body}`);
  }
}

/** Uploads an ID copy through the step-3 form. */
export async function uploadIdCopy(
  applicant: ApiClient,
  fields: { documentType?: string; expiresOn: string },
  file: { name: string; content: Buffer } = { name: "paspoort.pdf", content: samplePdf("ID") },
) {
  if (!applicant.csrfToken) await applicant.refreshCsrfToken();
  const { payload, contentType } = multipartBody(
    { documentType: fields.documentType ?? "passport", expiresOn: fields.expiresOn },
    file,
  );
  return applicant.send("POST", `${applicationUrl}/attachments`, payload, {
    "content-type": contentType,
    "x-csrf-token": applicant.csrfToken ?? "",
  });
}

export const jointDirectors = embeddedCompanies.jointDirectors;
export const soleOwner = embeddedCompanies.soleOwner;

/** The token of the signing link mailed to a representative. */
export async function signingToken(subject: TestApp, email: string): Promise<string> {
  return linkToken(await lastMailTo(subject, email), "ondertekenen");
}

/** A representative signs through their link: the code by mail (or SMS), then the signature. */
export async function signAs(
  subject: TestApp,
  token: string,
  contact: { email: string; mobile?: string },
  ip = "198.51.100.50",
) {
  const representative = new ApiClient(subject.app, ip);
  const sent = await representative.post(`/api/eherkenning/signatures/${token}/code`);
  if (sent.statusCode !== 200) return sent;
  const text = contact.mobile
    ? await lastSmsTo(subject, contact.mobile)
    : (await lastMailTo(subject, contact.email)).text;
  return representative.post(`/api/eherkenning/signatures/${token}/signature`, {
    code: codeIn(text),
  });
}
