import fastifyHelmet from "@fastify/helmet";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import helmet from "helmet";

/**
 * A strict Content Security Policy for every page: only Poort's own scripts, styles, images
 * and connections, no inline code, no framing by other sites. Routes that must differ (the dev
 * mailbox's mail view, the API docs) set their own policy.
 */
function helmetOptions(options: { https: boolean }) {
  // Not typed as helmet's HelmetOptions: @fastify/helmet sees helmet's CommonJS types, this file
  // its ES module types, and TypeScript takes the two for different types.
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(options.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // Mailed links carry tokens: never leak a URL to another site.
    referrerPolicy: { policy: "no-referrer" },
    strictTransportSecurity: options.https
      ? { maxAge: 63_072_000, includeSubDomains: true }
      : false,
  } as const;
}

const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=()";

/** The security headers on every answer of a route (or of the not-found handler). */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  options: { https: boolean },
): Promise<void> {
  await app.register(fastifyHelmet, helmetOptions(options));
  app.addHook("onSend", async (_request, reply) => {
    reply.header("permissions-policy", PERMISSIONS_POLICY);
  });
}

/**
 * The same security headers for an answer that passes no hooks: Fastify answers a URL its
 * router cannot take (`frameworkErrors`) before any hook has run.
 */
export function securityHeadersSetter(options: {
  https: boolean;
}): (request: FastifyRequest, reply: FastifyReply) => void {
  const setHelmetHeaders = helmet(helmetOptions(options));
  return (request, reply) => {
    setHelmetHeaders(request.raw, reply.raw, (error?: unknown) => {
      if (error) throw error;
    });
    reply.header("permissions-policy", PERMISSIONS_POLICY);
  };
}
