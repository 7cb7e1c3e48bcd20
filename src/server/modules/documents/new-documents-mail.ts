import { z } from "zod";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { enqueueJob } from "#src/server/platform/jobs/enqueue-job.ts";
import type { JobRunner } from "#src/server/platform/jobs/job-runner.ts";
import { defineJobType } from "#src/server/platform/jobs/job-type.ts";
import type { MailBlock } from "#src/server/platform/mail/mail-content.ts";
import type { MailTemplate } from "#src/server/platform/mail/mail-template.ts";
import type { Mailer } from "#src/server/platform/mail/mailer.ts";
import { clientMembershipWithContext } from "../accounts/account-summary.ts";
import { clientActorOf } from "../accounts/request-actors.ts";
import {
  listUnannouncedDocuments,
  recordNotices,
  unscopedListAccountsToNotify,
} from "./repository.ts";

/**
 * Publications within one window become one mail per client account: an office that puts
 * five documents online in a minute sends one mail, not five.
 */
const BATCH_WINDOW_MS = 2 * 60_000;
/** Lets a publication whose transaction began just before the window closed commit first. */
const COMMIT_GRACE_MS = 30_000;

const newDocumentsJob = defineJobType({
  name: "documents.announce-new",
  // The membership says which office's client the mail is about (ADR 0011); jobs planned
  // before it have none, and mean the login's only membership.
  payload: z.object({ accountId: z.uuid(), membershipId: z.uuid().optional() }),
  maxAttempts: 5,
});

interface DossierDocuments {
  number: string;
  description: string;
  url: string;
  titles: string[];
}

interface NewDocumentsData {
  name: string;
  officeName: string;
  dossiers: DossierDocuments[];
}

const dossierBlocks = (dossiers: DossierDocuments[], label: string): MailBlock[] =>
  dossiers.flatMap((dossier) => [
    {
      kind: "facts",
      rows: [
        [label, `${dossier.number} ${dossier.description}`],
        ...dossier.titles.map((title) => ["•", title] as const),
      ],
    },
    { kind: "action", label: `${dossier.number}`, url: dossier.url },
  ]);

export const newDocumentsMail: MailTemplate<NewDocumentsData> = {
  name: "documents.new",
  compose: {
    nl: ({ name, officeName, dossiers }) => ({
      subject: `Nieuwe documenten van ${officeName}`,
      greeting: `Beste ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `${officeName} heeft nieuwe documenten voor u klaargezet in het klantenportaal.`,
        },
        ...dossierBlocks(dossiers, "Dossier"),
        {
          kind: "notice",
          text: "U ontvangt deze e-mail omdat u meldingen over nieuwe documenten heeft aangezet. U kunt dit wijzigen onder Mijn gegevens.",
        },
      ],
      closing: ["Met vriendelijke groet,", officeName],
    }),
    en: ({ name, officeName, dossiers }) => ({
      subject: `New documents from ${officeName}`,
      greeting: `Dear ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `${officeName} has put new documents for you in the client portal.`,
        },
        ...dossierBlocks(dossiers, "Dossier"),
        {
          kind: "notice",
          text: "You receive this e-mail because you turned on notifications about new documents. You can change this under My details.",
        },
      ],
      closing: ["Kind regards,", officeName],
    }),
  },
};

/**
 * Plans the "new documents" mail for each login that acts for one of the dossier's clients and
 * wants one, in the publication's transaction. The singleton key folds all publications of one
 * window into one job per login and office client; the job decides what is still new when it
 * runs.
 */
export async function planNewDocumentsMails(
  db: Database,
  clock: Clock,
  dossierId: string,
): Promise<void> {
  const now = clock.now().getTime();
  const windowEnd = Math.ceil((now + 1) / BATCH_WINDOW_MS) * BATCH_WINDOW_MS;
  for (const account of await unscopedListAccountsToNotify(db, dossierId)) {
    await enqueueJob(
      db,
      clock,
      newDocumentsJob,
      { accountId: account.id, membershipId: account.membershipId },
      {
        runAt: new Date(windowEnd + COMMIT_GRACE_MS),
        singletonKey: `${newDocumentsJob.name}:${account.id}:${account.membershipId}:${windowEnd}`,
      },
    );
  }
}

/** Mails an account the published documents it has neither read nor been told about. */
export function registerNewDocumentsMails(
  jobs: JobRunner,
  deps: { clock: Clock; mailer: Mailer; publicUrl: string },
): void {
  jobs.handle(newDocumentsJob, async ({ accountId, membershipId }, { db }) => {
    await db.transaction(async (tx) => {
      const found = await clientMembershipWithContext(tx, accountId, membershipId);
      if (!found || found.membership.revokedAt) return;
      const { account } = found;
      if (account.status !== "active") return;
      if (!account.notifyDocuments) return;
      // The mail shows what the login would see in the portal acting for this office's client.
      const unannounced = await listUnannouncedDocuments(tx, {
        scope: clientActorOf(account, found.membership).scope,
        accountId,
      });
      if (unannounced.length === 0) return;

      const byDossier = new Map<string, DossierDocuments>();
      for (const document of unannounced) {
        const dossier = byDossier.get(document.dossierId) ?? {
          number: document.dossierNumber,
          description: document.dossierDescription,
          url: `${deps.publicUrl}/portal/dossiers/${document.dossierId}`,
          titles: [],
        };
        dossier.titles.push(document.title);
        byDossier.set(document.dossierId, dossier);
      }
      await deps.mailer.queue(tx, {
        to: account.email,
        locale: account.locale,
        template: newDocumentsMail,
        data: {
          name: account.name,
          officeName: found.officeName,
          dossiers: [...byDossier.values()],
        },
      });
      await recordNotices(
        tx,
        unannounced.map((document) => document.id),
        accountId,
        deps.clock.now(),
      );
    });
  });
}
