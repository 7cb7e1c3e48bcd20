import type { ApplicationScope } from "#src/contracts/eherkenning/applications.ts";
import type { Level } from "#src/contracts/eherkenning/levels.ts";
import { embeddedCompanies } from "../modules/kvk-register/embedded-register.ts";
import type { KvkCompany } from "../modules/kvk-register/kvk-register.ts";
import {
  applicationAttachments,
  applicationSigners,
  meansApplications,
} from "../modules/means-applications/schema.ts";
import type { BlobStore } from "../platform/blobs/blob-store.ts";
import type { Database } from "../platform/db/database.ts";

type Representative = KvkCompany["representatives"][number];

export interface SignedApplication {
  reference: string;
  state: "draft" | "signing" | "review" | "issued";
  accessTokenHash: string;
  scope: ApplicationScope;
  level: Level;
  user: { name: string; email: string; mobile: string };
  /** When the contacts were proven, the signers asked and the application submitted. */
  submittedAt: Date;
  /** When the signatures sufficed; none while still signing. */
  signedAt: Date | null;
  /** When both directors signed; none for signatures still to come. */
  signersSignedAt: Date | null;
  updatedAt: Date;
  signer: (representative: Representative) => { email: string; linkTokenHash: string };
  idCopy: { bytes: Buffer; fileName: string; contentType: string; expiresOn: string };
  /** The company from the embedded KvK register; the jointly directed one unless given. */
  company?: KvkCompany;
}

/**
 * An application as the applicant's wizard and the signers leave it, written straight to the
 * tables: for a test company (the jointly directed one by default), its representatives asked to
 * sign, the user's ID
 * copy attached (its bytes in the blob store), contacts verified. The demo's applications and
 * the review's tests start from here, rather than walk the wizard.
 */
export async function insertSignedApplication(
  db: Database,
  blobs: BlobStore,
  seed: SignedApplication,
): Promise<{ id: string; blobKey: string }> {
  const company = seed.company ?? embeddedCompanies.jointDirectors;
  const [application] = await db
    .insert(meansApplications)
    .values({
      reference: seed.reference,
      state: seed.state,
      accessTokenHash: seed.accessTokenHash,
      locale: "nl",
      scope: seed.scope,
      level: seed.level,
      userName: seed.user.name,
      userEmail: seed.user.email,
      userEmailVerifiedAt: seed.submittedAt,
      userMobile: seed.user.mobile,
      userMobileVerifiedAt: seed.submittedAt,
      company,
      kvkNumber: company.kvkNumber,
      userWorksForCompany: false,
      submittedAt: seed.submittedAt,
      signedAt: seed.signedAt,
      createdAt: seed.submittedAt,
      updatedAt: seed.updatedAt,
    })
    .returning({ id: meansApplications.id });
  if (!application) throw new Error("inserting a signed application returned no row");
  for (const representative of company.representatives) {
    await db.insert(applicationSigners).values({
      applicationId: application.id,
      representativeId: representative.id,
      name: representative.name,
      authority: representative.authority,
      ...seed.signer(representative),
      linkSentAt: seed.submittedAt,
      signedAt: seed.signersSignedAt,
      createdAt: seed.submittedAt,
    });
  }
  const blob = await blobs.put(seed.idCopy.bytes);
  await db.insert(applicationAttachments).values({
    applicationId: application.id,
    purpose: "user-id",
    documentType: "passport",
    expiresOn: seed.idCopy.expiresOn,
    fileName: seed.idCopy.fileName,
    contentType: seed.idCopy.contentType,
    size: blob.size,
    sha256: blob.sha256,
    blobKey: blob.key,
    createdAt: seed.submittedAt,
  });
  return { id: application.id, blobKey: blob.key };
}
