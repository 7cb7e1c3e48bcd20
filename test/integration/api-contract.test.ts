import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { accountApi } from "#src/contracts/api/account.ts";
import { devApi } from "#src/contracts/api/dev.ts";
import { eherkenningBeheerApi } from "#src/contracts/api/eherkenning-beheer.ts";
import { eherkenningIdpAdminApi, eherkenningIdpApi } from "#src/contracts/api/eherkenning-idp.ts";
import { eherkenningMeansApi } from "#src/contracts/api/eherkenning-means.ts";
import type { Endpoint } from "#src/contracts/api/endpoint.ts";
import { officeApi } from "#src/contracts/api/office.ts";
import { officeQuestionnaireApi } from "#src/contracts/api/office-questionnaires.ts";
import { portalApi } from "#src/contracts/api/portal.ts";
import { selfserviceApi } from "#src/contracts/api/selfservice.ts";
import { servicedeskApi } from "#src/contracts/api/servicedesk.ts";
import { listenerTls } from "#src/server/modules/certificates/listener-tls.ts";
import { buildMtlsApp } from "#src/server/mtls-app.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";

/**
 * The web calls the API only through the endpoints of `src/contracts/api`, while the server
 * registers its routes with paths of its own: these tests make a path, method or query that
 * drifts apart fail here rather than in a browser.
 */

type Named = [name: string, endpoint: Endpoint];

const named = (areas: Record<string, Record<string, Endpoint>>): Named[] =>
  Object.entries(areas).flatMap(([area, endpoints]) =>
    Object.entries(endpoints).map(([name, endpoint]): Named => [`${area}.${name}`, endpoint]),
  );

/** tus speaks its own protocol, so the server leaves its route out of the OpenAPI document. */
const undocumented: Endpoint[] = [portalApi.uploads];

const mainAppEndpoints = named({
  accountApi,
  officeApi,
  officeQuestionnaireApi,
  portalApi,
  servicedeskApi,
  devApi,
  eherkenningBeheerApi,
  eherkenningMeansApi,
  eherkenningIdpApi,
  eherkenningIdpAdminApi,
});
const documented = mainAppEndpoints.filter(([, endpoint]) => !undocumented.includes(endpoint));

/** Fastify's `:name` is `{name}` in the OpenAPI document. */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, "{$1}");

interface OpenApiOperation {
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: unknown;
}

const queryNames = (endpoint: Endpoint) =>
  Object.keys((endpoint.query as z.ZodObject | undefined)?.shape ?? {}).sort();

describe("the endpoints of src/contracts/api", () => {
  let subject: TestApp;
  let paths: Record<string, Record<string, OpenApiOperation>>;

  beforeAll(async () => {
    subject = await createTestApp("pglite");
    const response = await subject.app.inject({ method: "GET", url: "/api/openapi.json" });
    paths = response.json().paths;
  });
  afterAll(async () => {
    await subject.close();
  });

  it.each(documented)(
    "%s is a route of the OpenAPI document, with the same query and body",
    (_, endpoint) => {
      const operation = paths[openApiPath(endpoint.path)]?.[endpoint.method.toLowerCase()];
      expect(operation, `${endpoint.method} ${endpoint.path}`).toBeDefined();
      const documentedQuery = (operation?.parameters ?? [])
        .filter((parameter) => parameter.in === "query")
        .map((parameter) => parameter.name)
        .sort();
      expect(documentedQuery).toEqual(queryNames(endpoint));
      expect(Boolean(operation?.requestBody)).toBe(endpoint.body !== undefined);
    },
  );

  it.each(mainAppEndpoints.filter(([, endpoint]) => undocumented.includes(endpoint)))(
    "%s is a route of the app",
    (_, endpoint) => {
      expect(subject.app.hasRoute({ method: endpoint.method, url: endpoint.path })).toBe(true);
    },
  );

  describe("on the mTLS listener", () => {
    let mtls: Awaited<ReturnType<typeof buildMtlsApp>>;

    beforeAll(async () => {
      const { services, clock } = subject;
      mtls = await buildMtlsApp(
        services,
        await listenerTls(services.config, services.authorities, clock),
      );
      await mtls.ready();
    });
    afterAll(async () => {
      await mtls.close();
    });

    // The self-service app asks this listener for its session (the CSRF token) too.
    it.each(named({ selfserviceApi, accountApi: { session: accountApi.session } }))(
      "%s is a route of the mTLS app",
      (_, endpoint) => {
        expect(mtls.hasRoute({ method: endpoint.method, url: endpoint.path })).toBe(true);
      },
    );
  });
});
