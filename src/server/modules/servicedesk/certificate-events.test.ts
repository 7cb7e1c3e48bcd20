import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountsDeps } from "#src/server/modules/accounts/deps.ts";
import { invitePlatformStaff } from "#src/server/modules/accounts/invitations.ts";
import {
  activateByMail,
  createOfficeStaff,
  createTestOffice,
  enrolAuthenticator,
} from "#test/support/accounts.ts";
import type { ApiClient } from "#test/support/api-client.ts";
import { createServicedeskStaff, issueByServicedesk } from "#test/support/certificates.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

interface CertificateEvent {
  action: string;
  office: { id: string; name: string } | null;
  actor: { type: string; name: string | null };
  details: Record<string, unknown>;
}

describe.each(testDatabaseKinds)(
  "the servicedesk's certificate events (issue 19), on %s",
  (kind) => {
    let subject: TestApp;
    let servicedesk: ApiClient;
    let officeA: { id: string };
    let officeB: { id: string };

    const events = async (query = "") => {
      const answer = await servicedesk.get(`/api/servicedesk/certificate-events?limit=200${query}`);
      expect(answer.statusCode).toBe(200);
      return answer.json().entries as CertificateEvent[];
    };

    beforeAll(async () => {
      subject = await createTestApp(kind);
      subject.clock.set(new Date("2026-11-24T22:40:00Z"));
      officeA = await createTestOffice(subject, "Kantoor Amstel");
      officeB = await createTestOffice(subject, "Kantoor Utrecht");
      servicedesk = await createServicedeskStaff(subject, "noor@servicedesk.nl");
      await issueByServicedesk(servicedesk, officeA.id);
      const demanded = await servicedesk.post(
        `/api/servicedesk/offices/${officeA.id}/reissue-demands`,
        {
          reason: "Sleutel mogelijk gelekt",
        },
      );
      expect(demanded.statusCode).toBeLessThan(300);
      // After midnight in the Netherlands: office B's certificate, on the 25th.
      subject.clock.set(new Date("2026-11-24T23:05:00Z"));
      await issueByServicedesk(servicedesk, officeB.id);
    });
    afterAll(() => subject.close());

    it("lists issuance and demands across offices, newest first, with the office's name", async () => {
      const all = await events();
      expect(all.map((event) => [event.action, event.office?.name])).toEqual(
        expect.arrayContaining([
          ["certificate.issued", "Kantoor Utrecht"],
          ["certificate.reissue-demanded", "Kantoor Amstel"],
          ["certificate.issued", "Kantoor Amstel"],
          ["office.created", "Kantoor Amstel"],
          ["office.created", "Kantoor Utrecht"],
        ]),
      );
      expect(all[0]).toMatchObject({ action: "certificate.issued", office: { id: officeB.id } });
      expect(all.find((event) => event.action === "certificate.reissue-demanded")).toMatchObject({
        actor: { type: "platform-staff", name: "Noor Hendriks" },
      });
      // No office's other business: logins, invitations.
      expect(all.some((event) => event.action.startsWith("session."))).toBe(false);
    });

    it("narrows by office and by Dutch days", async () => {
      const ofA = await events(`&officeId=${officeA.id}`);
      expect(ofA.length).toBeGreaterThan(0);
      expect(ofA.every((event) => event.office?.id === officeA.id)).toBe(true);
      const on25 = await events("&from=2026-11-25");
      expect(on25.map((event) => [event.action, event.office?.id])).toEqual([
        ["certificate.issued", officeB.id],
      ]);
      const on24 = await events("&to=2026-11-24");
      // Office B was created on the 24th; its certificate came on the 25th.
      expect(on24.filter((event) => event.office?.id === officeB.id).map((e) => e.action)).toEqual([
        "office.created",
      ]);
    });

    it("is for the servicedesk role only", async () => {
      await invitePlatformStaff(accountsDeps(subject.services), {
        name: "Mark Leden",
        email: "mark@ledenadministratie.nl",
        role: "member-admin",
        locale: "nl",
      });
      const memberAdmin = await activateByMail(subject, "mark@ledenadministratie.nl");
      await enrolAuthenticator(subject, memberAdmin);
      const officeAdmin = await createOfficeStaff(subject, officeA.id, "sara@amstel.nl");
      for (const refused of [memberAdmin, officeAdmin]) {
        expect((await refused.get("/api/servicedesk/certificate-events")).statusCode).toBe(403);
      }
    });
  },
);
