import { request as httpsRequest } from "node:https";
import type { ClientIdentity, MtlsListener } from "./certificates.ts";
import { multipartBody } from "./dossiers.ts";

/** An answer of the office API as bytes, with its headers: what a download is checked by. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked by the tests' assertions
  json(): any;
}

/** One request to the office API with the office certificate and a body of any type. */
function rawRequest(
  listener: MtlsListener,
  identity: ClientIdentity,
  options: { method: string; path: string; headers?: Record<string, string>; body?: Buffer },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpsRequest(
      {
        host: "127.0.0.1",
        port: listener.port,
        path: options.path,
        method: options.method,
        servername: "localhost",
        ca: listener.ca,
        ...identity,
        headers: options.headers,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body,
            json: () => JSON.parse(body.toString("utf8")),
          });
        });
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

/** The practice software uploads a file to a dossier: the staff upload form, over mTLS. */
export function uploadByOfficeApi(
  listener: MtlsListener,
  identity: ClientIdentity,
  dossierId: string,
  document: {
    category: "correspondence" | "documents" | "message";
    title: string;
    name: string;
    content: Buffer;
    publish?: boolean;
  },
): Promise<RawAnswer> {
  const { payload, contentType } = multipartBody(
    {
      category: document.category,
      title: document.title,
      publish: String(document.publish ?? false),
    },
    { name: document.name, content: document.content },
  );
  return rawRequest(listener, identity, {
    method: "POST",
    path: `/api/office/v1/dossiers/${dossierId}/documents`,
    headers: { "content-type": contentType, "content-length": String(payload.length) },
    body: payload,
  });
}

/** The practice software downloads a file (a document, the answers, a questionnaire's PDF). */
export function downloadByOfficeApi(
  listener: MtlsListener,
  identity: ClientIdentity,
  path: string,
): Promise<RawAnswer> {
  return rawRequest(listener, identity, { method: "GET", path });
}
