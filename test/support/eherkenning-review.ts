import type { ApplicationScope } from "#src/contracts/eherkenning/applications.ts";
import type { Level } from "#src/contracts/eherkenning/levels.ts";
import { insertSignedApplication } from "#src/server/demo/signed-application.ts";
import { DAY } from "#src/server/platform/clock.ts";
import type { TestApp } from "./test-app.ts";

/** The smallest PNG: what the reviewer's browser can show as it is. */
const onePixelPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

export interface SeededApplication {
  id: string;
  reference: string;
  blobKey: string;
}

let sequence = 0;

/**
 * An application as the applicant's wizard and the signers leave it, written straight to the
 * tables: in review by default, for the jointly directed test company, both directors signed,
 * the user's ID copy attached, contacts verified. The review's tests start from here.
 */
export async function seedApplication(
  subject: TestApp,
  options: {
    level?: Level;
    state?: "signing" | "review" | "draft";
    email?: string;
    scope?: ApplicationScope;
    signed?: boolean;
    /** The ID copy's expiry; by default a year after the clock's today. */
    idExpiresOn?: string;
  } = {},
): Promise<SeededApplication> {
  sequence += 1;
  const now = subject.clock.now();
  const reference = `EH-T${String(sequence).padStart(7, "0")}`;
  const state = options.state ?? "review";
  const { id, blobKey } = await insertSignedApplication(
    subject.services.database.db,
    subject.services.blobs,
    {
      reference,
      state,
      accessTokenHash: `test-access-${sequence}-${now.getTime()}`,
      scope: options.scope ?? { kind: "all" },
      level: options.level ?? "EH2+",
      user: {
        name: "Lotte Bakker",
        email: options.email ?? `lotte${sequence}@example.nl`,
        mobile: "+31612345678",
      },
      submittedAt: now,
      signedAt: state === "signing" ? null : now,
      signersSignedAt: options.signed === false ? null : now,
      updatedAt: now,
      signer: (representative) => ({
        email: `${representative.id}@example.nl`,
        linkTokenHash: `test-signer-${representative.id}-${reference}`,
      }),
      idCopy: {
        bytes: onePixelPng,
        fileName: "paspoort-lotte.png",
        contentType: "image/png",
        // A year ahead of the test's clock, which the tests move by years.
        expiresOn:
          options.idExpiresOn ?? new Date(now.getTime() + 365 * DAY).toISOString().slice(0, 10),
      },
    },
  );
  return { id, reference, blobKey };
}
