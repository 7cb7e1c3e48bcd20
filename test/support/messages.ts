import type { ApiClient } from "./api-client.ts";
import { multipartBody, sendUploadPart } from "./dossiers.ts";

const base64 = (value: string) => Buffer.from(value).toString("base64");

/**
 * A client uploads a file for the message it is writing, through tus with the purpose
 * "message-attachment", in one go; the answer of the last part is the draft attachment.
 */
export async function uploadMessageAttachment(
  client: ApiClient,
  dossierId: string,
  name: string,
  content: Buffer,
) {
  if (!client.csrfToken) await client.refreshCsrfToken();
  const started = await client.send("POST", "/api/portal/uploads", undefined, {
    "tus-resumable": "1.0.0",
    "x-csrf-token": client.csrfToken ?? "",
    "upload-length": String(content.length),
    "upload-metadata": `dossierId ${base64(dossierId)},filename ${base64(name)},purpose ${base64("message-attachment")}`,
  });
  if (started.statusCode !== 201) return started;
  return sendUploadPart(client, String(started.headers.location), 0, content);
}

/** Staff upload a new file for a message: a document of category "message", a draft. */
export async function uploadOfficeAttachment(
  staff: ApiClient,
  dossierId: string,
  name: string,
  content: Buffer,
) {
  if (!staff.csrfToken) await staff.refreshCsrfToken();
  const { payload, contentType } = multipartBody(
    { category: "message", title: name },
    { name, content },
  );
  return staff.send("POST", `/api/office/dossiers/${dossierId}/documents`, payload, {
    "content-type": contentType,
    "x-csrf-token": staff.csrfToken ?? "",
  });
}

/** A state-changing request other than POST, with the CSRF token as the web apps send it. */
export async function sendWithCsrf(
  browser: ApiClient,
  method: "PUT" | "PATCH" | "DELETE",
  url: string,
  body?: unknown,
) {
  if (!browser.csrfToken) await browser.refreshCsrfToken();
  return browser.send(method, url, body, { "x-csrf-token": browser.csrfToken ?? "" });
}

export const titlesOf = (messages: Array<{ subject: string }>) =>
  messages.map((message) => message.subject);
