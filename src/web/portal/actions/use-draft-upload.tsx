import { type ReactNode, useCallback, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { portalApi } from "#src/contracts/api/portal.ts";
import type { PortalDocument, UploadLimits } from "#src/contracts/dossiers.ts";
import { callApi, errorMessage } from "#src/web/ui/api/api-client.ts";
import { pathOf } from "#src/web/ui/api/endpoint-path.ts";
import { UploadDialog } from "#src/web/ui/upload/UploadDialog.tsx";

/** What became of one opening of the upload dialog: the drafts it made, oldest first. */
export type UploadedDrafts = (drafts: PortalDocument[]) => void | Promise<void>;

export interface DraftUpload {
  /** The dialog itself, to render once on the page. */
  dialog: ReactNode;
  /** Opens the dialog; `done` gets the drafts uploaded through it once it closes. */
  choose(done: UploadedDrafts): void;
  /** Deletes a draft nobody used. */
  discard(documentId: string): Promise<void>;
  busy: boolean;
  /** Why no file can be uploaded now, e.g. the dossier takes no more. */
  unavailable?: string;
  error?: string;
  clearError(): void;
}

/**
 * A file for a questionnaire's question or an upload request's item: uploaded first with the
 * tus upload dialog as a draft of this login in the dossier (`purpose: message-attachment`, ADR
 * 0014), and then used by saving the page or delivering the item. The dialog tells only the
 * names of the files that arrived, so the drafts it made are the dossier's drafts that were
 * not there when it opened.
 */
export function useDraftUpload(dossierId: string, uploads: UploadLimits | undefined): DraftUpload {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const before = useRef(new Set<string>());
  const arrived = useRef(0);
  const done = useRef<UploadedDrafts>(undefined);
  const metadata = useMemo(() => ({ dossierId, purpose: "message-attachment" }), [dossierId]);

  const drafts = useCallback(
    async () => (await callApi(portalApi.draftAttachments, { params: { dossierId } })).attachments,
    [dossierId],
  );

  const choose = useCallback(
    (then: UploadedDrafts) => {
      setError(undefined);
      setBusy(true);
      drafts()
        .then((existing) => {
          before.current = new Set(existing.map((draft) => draft.id));
          arrived.current = 0;
          done.current = then;
          setOpen(true);
        })
        .catch((caught: unknown) => setError(errorMessage(caught, t("portal.errors.load"))))
        .finally(() => setBusy(false));
    },
    [drafts, t],
  );

  const onClose = useCallback(() => {
    setOpen(false);
    const then = done.current;
    done.current = undefined;
    if (arrived.current === 0 || !then) return;
    setBusy(true);
    drafts()
      .then((now) => then(now.filter((draft) => !before.current.has(draft.id))))
      .catch((caught: unknown) => setError(errorMessage(caught, t("account.errors.general"))))
      .finally(() => setBusy(false));
  }, [drafts, t]);

  const discard = useCallback(async (documentId: string) => {
    await callApi(portalApi.removeDraftAttachment, { params: { documentId } }).catch(
      () => undefined,
    );
  }, []);

  const unavailable =
    uploads && uploads.remainingFiles <= 0 ? t("portal.dossier.supply.full") : undefined;

  const dialog = uploads ? (
    <UploadDialog
      open={open}
      onClose={onClose}
      endpoint={pathOf(portalApi.uploads)}
      metadata={metadata}
      maxFileBytes={uploads.maxFileBytes}
      onUploaded={() => {
        arrived.current += 1;
      }}
    />
  ) : null;

  return {
    dialog,
    choose,
    discard,
    busy: busy || !uploads,
    unavailable,
    error,
    clearError: () => setError(undefined),
  };
}
