import type { DocumentCategory } from "#src/contracts/dossiers.ts";
import type { Locale } from "#src/contracts/locale.ts";
import { listExtraAccounts } from "../accounts/account-directory.ts";
import type { OwnMembership } from "../accounts/own-data.ts";
import { getProfile } from "../accounts/profile.ts";
import type { ClientActor } from "../accounts/request-actors.ts";
import { allOwnSecurityEvents } from "../accounts/security-events.ts";
import { clientActions, clientQuestionnaire } from "../actions/client-actions.ts";
import { clientDossierDocuments, requireClientDocument } from "../documents/client-documents.ts";
import { statusOf } from "../dossiers/dossier-status.ts";
import { clientDossierList, progressOf, requireDossier } from "../dossiers/service.ts";
import { clientDossierMessages, clientMessageAttachmentFile } from "../messages/client-messages.ts";
import type { DataExportDeps } from "./deps.ts";

/**
 * What goes into a login's data export (issue 19, ADR 0024), gathered before the archive is
 * written: the JSON files whole (they are metadata, small), the documents as references to
 * their sealed blobs, streamed into the archive one at a time. Everything is read through the
 * same services and client views as the portal's pages, membership by membership, so the
 * archive holds exactly what the login may see there and nothing of another client.
 */
export interface ArchivePlan {
  json: Array<{ path: string; value: unknown }>;
  files: Array<{ path: string; blobKey: string; size: number; date: Date }>;
  /** Counts for the README. */
  summary: { memberships: number; dossiers: number; documents: number; messages: number };
}

const categoryFolders: Record<Locale, Record<DocumentCategory, string>> = {
  nl: {
    correspondence: "Correspondentie",
    documents: "Documenten",
    supplied: "Door mij aangeleverd",
  },
  en: { correspondence: "Correspondence", documents: "Documents", supplied: "Supplied by me" },
};
const messagesFolder: Record<Locale, string> = { nl: "Berichten", en: "Messages" };
const categories: DocumentCategory[] = ["correspondence", "documents", "supplied"];

/**
 * A name every file system takes (Windows forbids `<>:"/\|?*` and control characters, and
 * names ending in a dot or space), short enough for the whole path to stay well under 260.
 */
export function safeName(text: string, max = 60): string {
  const cleaned = text
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, max)
    .replace(/[. ]+$/, "");
  return cleaned === "" ? "_" : cleaned;
}

/** Paths handed out once each: a second file of the same name gets " (2)" before its extension. */
class PathBook {
  readonly #taken = new Set<string>();

  /** A file's path in `folder` ("" for the top). */
  claim(folder: string, name: string): string {
    const dot = name.lastIndexOf(".");
    if (dot <= 0) return this.#first(folder, name, "");
    return this.#first(folder, name.slice(0, dot), name.slice(dot));
  }

  /** A folder's path in `folder` ("" for the top). */
  claimFolder(folder: string, name: string): string {
    return this.#first(folder, name, "");
  }

  #first(folder: string, stem: string, extension: string): string {
    const prefix = folder === "" ? "" : `${folder}/`;
    for (let attempt = 1; ; attempt += 1) {
      const candidate = `${prefix}${attempt === 1 ? stem : `${stem} (${attempt})`}${extension}`;
      if (!this.#taken.has(candidate.toLowerCase())) {
        this.#taken.add(candidate.toLowerCase());
        return candidate;
      }
    }
  }
}

async function extraAccountsOf(deps: DataExportDeps, membership: OwnMembership) {
  if (membership.clientKind !== "company" || !membership.actor.membership.isMainAccount) return [];
  const accounts = await listExtraAccounts(deps.accounts, membership.actor);
  return accounts.map(({ name, email, status, mobile, twoFactorMethod }) => ({
    name,
    email,
    status,
    mobile,
    twoFactorMethod,
  }));
}

/** The archive's contents for the login and its memberships. */
export async function planArchive(
  deps: DataExportDeps,
  account: ClientActor["account"],
  memberships: OwnMembership[],
  locale: Locale,
): Promise<ArchivePlan> {
  const plan: ArchivePlan = {
    json: [],
    files: [],
    summary: { memberships: memberships.length, dossiers: 0, documents: 0, messages: 0 },
  };
  const paths = new PathBook();
  const profile = await getProfile(deps.accounts, account);
  const places = [];
  for (const membership of memberships) {
    const folder = paths.claimFolder(
      "",
      safeName(`${membership.officeName} - ${membership.clientName}`, 80),
    );
    places.push({
      office: membership.officeName,
      client: { name: membership.clientName, kind: membership.clientKind },
      nameAtOffice: membership.actor.membership.name,
      mainAccount: membership.actor.membership.isMainAccount,
      invitedAt: membership.actor.membership.invitedAt.toISOString(),
      joinedAt: membership.actor.membership.joinedAt?.toISOString() ?? null,
      extraAccounts: await extraAccountsOf(deps, membership),
      folder,
    });
    await planMembership(deps, plan, paths, membership, folder, locale);
  }
  plan.json.unshift({
    path: "profile.json",
    value: {
      exportedAt: deps.clock.now().toISOString(),
      account: {
        ...profile,
        createdAt: account.createdAt.toISOString(),
        passwordChangedAt: account.passwordChangedAt?.toISOString() ?? null,
      },
      memberships: places,
    },
  });
  const events = [];
  for await (const event of allOwnSecurityEvents(deps.db, account.id)) events.push(event);
  plan.json.push({ path: "security-events.json", value: events });
  return plan;
}

async function planMembership(
  deps: DataExportDeps,
  plan: ArchivePlan,
  paths: PathBook,
  membership: OwnMembership,
  folder: string,
  locale: Locale,
) {
  const { db } = deps;
  const client = membership.actor;
  const { dossiers } = await clientDossierList(deps.documents, client, {});
  for (const item of dossiers) {
    const dossier = await requireDossier(db, client.scope, item.id);
    const dossierFolder = paths.claimFolder(
      folder,
      safeName(`${dossier.number} ${dossier.description}`),
    );
    // A document is stored once: a message's attachment that is also under a tab points there.
    const stored = new Map<string, string>();
    const fileOf = async (documentId: string, into: string, load: () => Promise<FileRef>) => {
      const known = stored.get(documentId);
      if (known) return known;
      const document = await load();
      const path = paths.claim(into, safeName(document.fileName, 100));
      plan.files.push({
        path,
        blobKey: document.blobKey,
        size: document.size,
        date: document.publishedAt ?? document.createdAt,
      });
      stored.set(documentId, path);
      plan.summary.documents += 1;
      return path;
    };

    const documents = [];
    for (const category of categories) {
      for (const document of await clientDossierDocuments(db, client, dossier.id, category)) {
        const path = await fileOf(
          document.id,
          `${dossierFolder}/${categoryFolders[locale][category]}`,
          () => requireClientDocument(db, client, document.id),
        );
        documents.push({ category, ...withoutId(document), path });
      }
    }
    const messages = [];
    for (const message of await clientDossierMessages(db, client, dossier.id)) {
      const attachments = [];
      for (const attachment of message.attachments) {
        const path = await fileOf(attachment.id, `${dossierFolder}/${messagesFolder[locale]}`, () =>
          clientMessageAttachmentFile(db, client, message.id, attachment.id),
        );
        attachments.push({ ...withoutId(attachment), path });
      }
      const { id: _id, dossierId: _dossierId, read, ...rest } = message;
      messages.push({ ...rest, readByMe: read, attachments });
      plan.summary.messages += 1;
    }
    plan.json.push({
      path: `${dossierFolder}/dossier.json`,
      value: {
        office: dossier.officeName,
        number: dossier.number,
        description: dossier.description,
        status: statusOf(dossier),
        handler: dossier.handlerName,
        createdAt: dossier.createdAt.toISOString(),
        updatedAt: dossier.updatedAt.toISOString(),
        progress: await progressOf(db, dossier),
        documents,
        messages,
      },
    });
    plan.summary.dossiers += 1;
  }

  const actions = [];
  for (const action of await clientActions(deps.documents, client)) {
    const questionnaire =
      action.kind === "questionnaire"
        ? await clientQuestionnaire(deps.documents, client, action.id)
        : undefined;
    actions.push({
      ...action,
      ...(questionnaire
        ? { questionnaire: questionnaire.definition, answers: questionnaire.answers }
        : {}),
    });
  }
  plan.json.push({ path: `${folder}/actions.json`, value: actions });
}

interface FileRef {
  fileName: string;
  blobKey: string;
  size: number;
  publishedAt: Date | null;
  createdAt: Date;
}

/** The portal's ids mean nothing outside Poort; the archive names files by their path. */
function withoutId<Item extends { id: string }>(item: Item): Omit<Item, "id"> {
  const { id: _id, ...rest } = item;
  return rest;
}
