import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import helmet from "helmet";

/**
 * A strict Content Security Policy for every page: only Poort's own scripts, styles, images
 * and connections, no inline code, no framing by other sites. Routes that must differ (the dev
 * mailbox's mail view, the API docs) set their own policy.
 */
function helmetOptions(options: { https: boolean }) {
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

/**
 * The security headers on every answer of a route (or of the not-found handler), set before
 * the route runs so that a route which must differ sets its own. Helmet's middleware is built
 * once here: @fastify/helmet built it anew for every request, parsing the CSP directives each
 * time (6% of a cheap request's CPU; bench/README.md).
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): void {
  const setSecurityHeaders = securityHeadersSetter(options);
  app.addHook("onRequest", async (request, reply) => {
    setSecurityHeaders(request, reply);
  });
}

/**
 * Sets the security headers on one answer; also for an answer that passes no hooks: Fastify
 * answers a URL its router cannot take (`frameworkErrors`) before any hook has run.
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
