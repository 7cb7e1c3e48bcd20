import type { KvkRepresentative } from "#src/contracts/eherkenning/kvk-company.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { hashToken, newToken } from "#src/server/platform/security/random-secrets.ts";
import { signingLink } from "./application-links.ts";
import { signatureRequestMail } from "./application-mails.ts";
import type { ApplicationRow } from "./application-repository.ts";
import type { EherkenningDeps } from "./deps.ts";
import type { applicationSigners } from "./schema.ts";
import { type SignerRow, updateSigner } from "./signer-repository.ts";

/**
 * A representative chosen to sign, as a new signer row that no link has been mailed to yet.
 * Nobody holds its token: the link that works is made and mailed by `mailSignerLink` (at
 * submission for a draft's choice, at once for a replacement), which sets `linkSentAt`.
 */
export function unmailedSigner(
  applicationId: string,
  representative: Pick<KvkRepresentative, "id" | "name" | "authority">,
  contact: { email: string; mobile?: string | null },
  now: Date,
): typeof applicationSigners.$inferInsert {
  return {
    applicationId,
    representativeId: representative.id,
    name: representative.name,
    authority: representative.authority,
    email: contact.email,
    mobile: contact.mobile ?? null,
    linkTokenHash: hashToken(newToken()),
    linkSentAt: null,
    createdAt: now,
  };
}

/**
 * Mails a signer a new link to review and sign (at submission, "opnieuw versturen" and
 * "vervangen"), and notes when in `linkSentAt`. Only the hash of its token is kept, so each
 * mail carries a new token and the link of an earlier mail stops working.
 */
export async function mailSignerLink(
  deps: EherkenningDeps,
  tx: Database,
  application: ApplicationRow,
  signer: SignerRow,
): Promise<void> {
  const token = newToken();
  await updateSigner(tx, signer.id, {
    linkTokenHash: hashToken(token),
    linkSentAt: deps.clock.now(),
  });
  await deps.mailer.queue(tx, {
    to: signer.email,
    locale: application.locale,
    template: signatureRequestMail,
    data: {
      signerName: signer.name,
      userName: application.userName ?? "",
      companyName: application.company?.name ?? "",
      kvkNumber: application.kvkNumber ?? "",
      level: application.level ?? "EH3",
      reference: application.reference,
      url: signingLink(deps, token),
      supplierName: deps.supplierName,
    },
  });
}
