import { randomBytes } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";
import type { ApiClient } from "./api-client.ts";

/** A small but real PDF whose bytes differ per call, so downloads can be compared exactly. */
export function samplePdf(text = "Poort"): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\n% ${text} ${randomBytes(8).toString("hex")}\ntrailer <</Root 1 0 R>>\n%%EOF\n`,
  );
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid 1×1 PNG with a random pixel, so its bytes differ per call. */
export function samplePng(): Buffer {
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const pixel = deflateSync(Buffer.concat([Buffer.from([0]), randomBytes(3)]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", pixel),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The id of the office's client with this name, as the dossier form offers it. */
export async function clientIdNamed(staff: ApiClient, name: string): Promise<string> {
  const options = (await staff.get("/api/office/dossier-options")).json();
  const client = options.clients.find((candidate: { name: string }) => candidate.name === name);
  if (!client) throw new Error(`no client named ${name}`);
  return client.id;
}

/** A multipart/form-data body with text fields first and the file last, as browsers send it. */
export function multipartBody(
  fields: Record<string, string>,
  file: { name: string; content: Buffer; type?: string },
) {
  const boundary = `----poort${randomBytes(8).toString("hex")}`;
  const parts = Object.entries(fields).map(
    ([name, value]) =>
      `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const payload = Buffer.concat([
    Buffer.from(parts.join("")),
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: ${file.type ?? "application/octet-stream"}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Staff add a document to a dossier through the back office's upload form. */
export async function addDocument(
  staff: ApiClient,
  dossierId: string,
  document: {
    category: "correspondence" | "documents";
    title: string;
    name: string;
    content: Buffer;
    publish?: boolean;
  },
) {
  if (!staff.csrfToken) await staff.refreshCsrfToken();
  const { payload, contentType } = multipartBody(
    {
      category: document.category,
      title: document.title,
      publish: String(document.publish ?? true),
    },
    { name: document.name, content: document.content },
  );
  return staff.send("POST", `/api/office/dossiers/${dossierId}/documents`, payload, {
    "content-type": contentType,
    "x-csrf-token": staff.csrfToken ?? "",
  });
}

const tusHeaders = { "tus-resumable": "1.0.0" };
const base64 = (value: string) => Buffer.from(value).toString("base64");

/** Starts a tus upload; returns the answer, whose Location is the upload's address. */
export async function startUpload(
  client: ApiClient,
  dossierId: string,
  name: string,
  size: number,
) {
  if (!client.csrfToken) await client.refreshCsrfToken();
  return client.send("POST", "/api/portal/uploads", undefined, {
    ...tusHeaders,
    "x-csrf-token": client.csrfToken ?? "",
    "upload-length": String(size),
    "upload-metadata": `dossierId ${base64(dossierId)},filename ${base64(name)}`,
  });
}

/** Sends bytes of a tus upload from the offset. */
export function sendUploadPart(
  client: ApiClient,
  location: string,
  offset: number,
  content: Buffer,
) {
  return client.send("PATCH", location, content, {
    ...tusHeaders,
    "x-csrf-token": client.csrfToken ?? "",
    "upload-offset": String(offset),
    "content-type": "application/offset+octet-stream",
  });
}

/** A client supplies a file through the resumable upload, in one go. */
export async function supplyFile(
  client: ApiClient,
  dossierId: string,
  name: string,
  content: Buffer,
) {
  const started = await startUpload(client, dossierId, name, content.length);
  if (started.statusCode !== 201) return started;
  return sendUploadPart(client, String(started.headers.location), 0, content);
}
