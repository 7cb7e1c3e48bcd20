import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  codeSentSchema,
  declineSignatureSchema,
  signatureRequestViewSchema,
  signSchema,
} from "#src/contracts/eherkenning/wizard.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { requestLocale } from "#src/server/request-locale.ts";
import type { EherkenningDeps } from "../means-applications/deps.ts";
import {
  declineSignature,
  sendSignatureCode,
  sign,
  signatureRequest,
} from "../means-applications/signing.ts";

const errors = errorResponses(400, 409, 410, 429);
const tokenParams = z.object({ token: z.string().min(20).max(100) });

const signingRequest = (request: FastifyRequest) => ({
  locale: requestLocale(request),
  ip: request.ip,
});

/**
 * The representative's signing page (SPEC C5): the link mailed to each chosen representative
 * names their request; they review it, confirm with a code, and sign or decline.
 */
export const signingRoutes: FastifyPluginAsyncZod<{ deps: EherkenningDeps }> = async (
  app,
  { deps },
) => {
  const tags = ["eherkenning: signing"];

  app.get(
    "/api/eherkenning/signatures/:token",
    {
      schema: {
        tags,
        summary: "What the application asks, and whether the representative may still sign",
        params: tokenParams,
        response: { 200: signatureRequestViewSchema, ...errors },
      },
    },
    async (request) => signatureRequest(deps, request.params.token, requestLocale(request)),
  );

  app.post(
    "/api/eherkenning/signatures/:token/code",
    {
      schema: {
        tags,
        summary: "Sends the code that confirms the signature (text message, else mail)",
        params: tokenParams,
        response: { 200: codeSentSchema, ...errors },
      },
    },
    async (request) => sendSignatureCode(deps, request.params.token, signingRequest(request)),
  );

  app.post(
    "/api/eherkenning/signatures/:token/signature",
    {
      schema: {
        tags,
        summary: "Signs the application, confirmed by the code",
        params: tokenParams,
        body: signSchema,
        response: { 200: signatureRequestViewSchema, ...errors },
      },
    },
    async (request) => sign(deps, request.params.token, request.body.code, signingRequest(request)),
  );

  app.post(
    "/api/eherkenning/signatures/:token/refusal",
    {
      schema: {
        tags,
        summary: "Declines to sign, with a reason the user is told",
        params: tokenParams,
        body: declineSignatureSchema,
        response: { 200: signatureRequestViewSchema, ...errors },
      },
    },
    async (request) =>
      declineSignature(deps, request.params.token, request.body.reason, signingRequest(request)),
  );
};
