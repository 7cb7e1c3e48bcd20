import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { CertificatesDeps } from "./deps.ts";
import { answerOcspRequest } from "./ocsp-responder.ts";
import { ocspErrorResponse } from "./pki/ocsp-response.ts";
import { currentCrl } from "./revocation.ts";

const OCSP_REQUEST_LIMIT = 16 * 1024;

/**
 * What relying parties fetch without logging in: the CA certificates, the CRLs and the OCSP
 * responder (GET with the base64 request in the path, and POST), as the certificates name them.
 */
export const pkiRoutes: FastifyPluginAsyncZod<{ deps: CertificatesDeps }> = async (
  app,
  { deps },
) => {
  const tags = ["pki"];
  app.addContentTypeParser(
    "application/ocsp-request",
    { parseAs: "buffer", bodyLimit: OCSP_REQUEST_LIMIT },
    (_request, body, done) => done(null, body),
  );

  for (const role of ["root", "issuing"] as const) {
    app.get(
      `/pki/${role}.crl`,
      { schema: { tags, summary: `The ${role} CA's certificate revocation list (DER)` } },
      async (_request, reply) =>
        reply
          .type("application/pkix-crl")
          .header("cache-control", "public, max-age=300")
          .send(await currentCrl(deps, role)),
    );
    app.get(
      `/pki/${role}.crt`,
      { schema: { tags, summary: `The ${role} CA's certificate (DER)` } },
      async (_request, reply) => {
        const authority = (await deps.authorities.get())[role];
        return reply.type("application/pkix-cert").send(Buffer.from(authority.certificate.rawData));
      },
    );
  }

  app.get(
    "/pki/chain.pem",
    { schema: { tags, summary: "The issuing and root CA certificates (PEM)" } },
    async (_request, reply) => {
      const { root, issuing } = await deps.authorities.get();
      return reply
        .type("application/x-pem-file")
        .send(`${issuing.certificate.toString("pem")}\n${root.certificate.toString("pem")}\n`);
    },
  );

  app.post(
    "/pki/ocsp",
    { schema: { tags, summary: "OCSP responder (RFC 6960), POST" } },
    async (request, reply) => {
      reply.type("application/ocsp-response");
      // No body, or one of another type (JSON, a form), is no OCSP request.
      if (!Buffer.isBuffer(request.body)) return reply.send(ocspErrorResponse("malformedRequest"));
      return reply.send(await answerOcspRequest(deps, request.body));
    },
  );

  app.get(
    "/pki/ocsp/*",
    {
      schema: {
        tags,
        summary: "OCSP responder (RFC 6960), GET with the base64 request in the path",
        params: z.object({ "*": z.string().max(OCSP_REQUEST_LIMIT) }),
      },
    },
    async (request, reply) => {
      let der: Buffer;
      try {
        der = Buffer.from(decodeURIComponent(request.params["*"]), "base64");
      } catch {
        return reply.type("application/ocsp-response").send(ocspErrorResponse("malformedRequest"));
      }
      return reply.type("application/ocsp-response").send(await answerOcspRequest(deps, der));
    },
  );
};
