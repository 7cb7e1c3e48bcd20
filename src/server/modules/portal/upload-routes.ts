import type { IncomingMessage } from "node:http";
import { type ServerOptions, Server as TusServer, type Upload } from "@tus/server";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody } from "#src/server/error-answers.ts";
import { AppError, type ErrorCode } from "#src/server/errors.ts";
import { type ClientActor, requireClient } from "../accounts/request-actors.ts";
import { checkSupplyAllowed, supplyDocument } from "../documents/client-documents.ts";
import type { DocumentsDeps } from "../documents/deps.ts";
import { discardWaitingUpload, type WaitingUpload } from "../documents/receive-upload.ts";
import { isUploadOf, newUploadId, type ResumableUploadStore } from "./resumable-upload-store.ts";

export const UPLOADS_PATH = "/api/portal/uploads";

interface UploadRequest {
  client: ClientActor;
  request: FastifyRequest;
}

/** tus's view of a request (a web Request that still knows its Node request). */
type TusRequest = Parameters<NonNullable<ServerOptions["onIncomingRequest"]>>[0];

/**
 * tus's Upload-Metadata: the dossier, the file's name, and what it is for: a document under
 * "Door mij aangeleverd" (the default), or "message-attachment", a draft attachment of a message
 * the login is writing, which waits for the message (ADR 0012).
 */
const uploadMetadataSchema = z.object({
  dossierId: z.uuid(),
  filename: z.string().min(1).max(1000),
  purpose: z.enum(["supplied", "message-attachment"]).default("supplied"),
});

/** What tus answers for a refusal: our error body, in the user's language. */
function refusal(request: FastifyRequest, error: unknown) {
  const appError = error instanceof AppError ? error : new AppError("internal_error");
  if (appError.code === "internal_error") request.log.error({ err: error }, "upload failed");
  return { status_code: appError.status, body: JSON.stringify(errorBody(request, appError)) };
}

/** tus's own refusals, by status, as our error codes. */
const tusStatusCodes: Record<number, ErrorCode> = {
  400: "malformed_request",
  403: "forbidden",
  404: "not_found",
  410: "not_found",
  413: "file_too_large",
  415: "unsupported_media_type",
  // An extension Poort does not offer and its Tus-Extension header does not list (concatenated
  // parallel uploads): the client should not have asked, so a 400 rather than tus's 501.
  501: "malformed_request",
};

/**
 * "Door mij aangeleverd" uploads with the tus resumable protocol: a dropped connection resumes
 * where it stopped, on any instance (the parts and the upload's state are in the shared stores,
 * `ResumableUploadStore`); a finished upload passes the file checks and becomes a document. An
 * upload's id begins with its account's id, so nobody can continue or probe someone else's.
 */
export const uploadRoutes: FastifyPluginAsyncZod<{
  deps: DocumentsDeps;
  store: ResumableUploadStore;
}> = async (app, { deps, store }) => {
  const active = new WeakMap<IncomingMessage, UploadRequest>();
  const uploadRequest = (req: TusRequest) => {
    const node = req.runtime?.node?.req;
    const found = node && active.get(node as IncomingMessage);
    if (!found) throw new AppError("unauthenticated");
    return found;
  };

  const tus = new TusServer({
    path: UPLOADS_PATH,
    datastore: store,
    maxSize: deps.limits.maxFileBytes,
    relativeLocation: true,
    respectForwardedHeaders: false,
    namingFunction: (req) => newUploadId(uploadRequest(req).client.account.id),
    async onIncomingRequest(req, uploadId) {
      const { client, request } = uploadRequest(req);
      if (uploadId && !isUploadOf(uploadId, client.account.id)) {
        throw refusal(request, new AppError("not_found"));
      }
    },
    async onUploadCreate(req, upload) {
      const { client, request } = uploadRequest(req);
      const metadata = uploadMetadataSchema.safeParse(upload.metadata ?? {});
      if (!metadata.success || upload.size === undefined) {
        throw refusal(request, new AppError("validation_failed"));
      }
      try {
        await checkSupplyAllowed(deps, client, metadata.data.dossierId);
      } catch (error) {
        throw refusal(request, error);
      }
      return {};
    },
    async onUploadFinish(req, upload: Upload) {
      const { client, request } = uploadRequest(req);
      const { dossierId, filename, purpose } = uploadMetadataSchema.parse(upload.metadata);
      const waiting: WaitingUpload = {
        declaredName: filename,
        size: upload.offset,
        open: () => store.content(upload.id),
        keepIn: (blobs) => store.keepAsBlob(upload.id, blobs),
        discard: () => store.remove(upload.id),
      };
      try {
        const document = await supplyDocument(deps, client, dossierId, waiting, purpose);
        return {
          status_code: 200,
          headers: { "content-type": "application/json; charset=utf-8" },
          body: JSON.stringify(document),
        };
      } catch (error) {
        throw refusal(request, error);
      } finally {
        await discardWaitingUpload(waiting);
      }
    },
    onResponseError(req, error) {
      if (!("status_code" in error) || error.body.startsWith("{")) return undefined;
      const code = tusStatusCodes[error.status_code];
      if (!code) return undefined;
      const appError = new AppError(code);
      // tus's own 413: the upload is larger than UPLOAD_MAX_BYTES, refused before its bytes.
      deps.uploadRefusals.count(appError);
      return refusal(uploadRequest(req).request, appError);
    },
  });

  // tus reads the request body itself, as a stream.
  app.addContentTypeParser("application/offset+octet-stream", (_request, _payload, done) =>
    done(null),
  );
  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const client = requireClient(request);
    active.set(request.raw, { client, request });
    reply.hijack();
    await tus.handle(request.raw, reply.raw);
  };
  for (const url of [UPLOADS_PATH, `${UPLOADS_PATH}/:uploadId`]) {
    app.route({
      method: ["POST", "HEAD", "PATCH", "DELETE"],
      url,
      schema: {
        tags: ["portal: dossiers"],
        summary: "tus resumable upload (Door mij aangeleverd, or a message's attachment)",
        hide: true,
      },
      handler: handle,
    });
  }
};
