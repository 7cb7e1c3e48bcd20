import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PortalAction, UploadItem } from "#src/contracts/actions.ts";
import { portalApi } from "#src/contracts/api/portal.ts";
import { callApi, errorMessage } from "#src/web/ui/api/api-client.ts";
import { pathOf } from "#src/web/ui/api/endpoint-path.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Link } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { VisuallyHidden } from "#src/web/ui/components/VisuallyHidden.tsx";
import { formatDate } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { ActionFacts, ActionHeading, BackToActions } from "./ActionParts.tsx";
import { actionTitle } from "./action-labels.ts";
import { useDraftUpload } from "./use-draft-upload.tsx";

/**
 * "Aanleveren": the documents the office asked for, each required or optional, with the file
 * delivered for it or "Aanleveren", which uploads it through the upload dialog (as a draft) and
 * then hands it in for the item. Complete once every required document is in.
 */
export function UploadRequestView({ initial }: { initial: PortalAction }) {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState(initial);
  const [delivered, setDelivered] = useState<{ file: string; label: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const dossier = useApiData(portalApi.dossier, { params: { dossierId: action.dossier.id } });
  const upload = useDraftUpload(action.dossier.id, dossier.data?.uploads);
  useDocumentTitle(actionTitle(action, i18n.language));
  const complete = action.state === "completed";
  // The button that opened the dialog is gone once its item is in: the focus goes to the item.
  const focusItem = useRef<string>(undefined);
  useEffect(() => {
    if (!focusItem.current) return;
    document.getElementById(focusItem.current)?.focus();
    focusItem.current = undefined;
  });

  const deliver = (item: UploadItem) => {
    setError(undefined);
    setDelivered(undefined);
    upload.choose(async (drafts) => {
      const [first, ...extra] = drafts;
      for (const draft of extra) await upload.discard(draft.id);
      if (!first) return;
      setBusy(true);
      try {
        const answer = await callApi(portalApi.deliverItem, {
          params: { actionId: action.id, itemId: item.id },
          body: { documentId: first.id },
        });
        focusItem.current = `upload-item-${item.id}`;
        setAction(answer);
        setDelivered({ file: first.fileName, label: item.label });
      } catch (caught) {
        await upload.discard(first.id);
        setError(errorMessage(caught, t("account.errors.general")));
      } finally {
        setBusy(false);
      }
    });
  };

  return (
    <>
      <BackToActions />
      <ActionHeading action={action} />
      <ActionFacts action={action} />
      {(delivered || complete) && (
        <Alert type="ok">
          {delivered && <Paragraph>{t("portal.actions.upload.delivered", delivered)}</Paragraph>}
          {complete && (
            <Paragraph>
              {action.items.every((item) => item.delivered)
                ? t("portal.actions.upload.complete")
                : t("portal.actions.upload.requiredComplete")}
            </Paragraph>
          )}
        </Alert>
      )}
      {error && <Alert type="error">{error}</Alert>}
      {upload.error && <Alert type="error">{upload.error}</Alert>}
      {upload.unavailable && !complete && <Paragraph>{upload.unavailable}</Paragraph>}
      <section aria-labelledby="upload-items-heading">
        <Heading level={2} id="upload-items-heading">
          {t("portal.actions.upload.itemsHeading")}
        </Heading>
        <ul className="poort-upload-items">
          {action.items.map((item) => (
            <li key={item.id} className="poort-upload-item">
              <Heading
                level={3}
                id={`upload-item-${item.id}`}
                tabIndex={-1}
                className="poort-upload-item__label"
              >
                {item.label}{" "}
                <span className="poort-badge poort-upload-item__required">
                  {item.required
                    ? t("portal.actions.upload.required")
                    : t("portal.actions.upload.optional")}
                </span>
              </Heading>
              {item.description && (
                <Paragraph className="poort-upload-item__description">{item.description}</Paragraph>
              )}
              {item.delivered ? (
                <Paragraph>
                  {t("portal.actions.upload.deliveredFile", {
                    date: formatDate(item.delivered.deliveredAt, i18n.language),
                    name: item.delivered.deliveredByName,
                  })}{" "}
                  <Link
                    href={pathOf(portalApi.documentContent, {
                      params: { documentId: item.delivered.documentId },
                    })}
                    download={item.delivered.fileName}
                  >
                    {item.delivered.fileName}
                  </Link>
                </Paragraph>
              ) : (
                <>
                  <Paragraph>{t("portal.actions.upload.notYet")}</Paragraph>
                  {!upload.unavailable && (
                    <Button
                      appearance={item.required ? "primary-action" : "secondary-action"}
                      disabled={busy || upload.busy}
                      onClick={() => deliver(item)}
                    >
                      {t("portal.actions.deliver")}
                      <VisuallyHidden> {item.label}</VisuallyHidden>
                    </Button>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
      {busy && <Paragraph role="status">{t("portal.actions.upload.busy")}</Paragraph>}
      {upload.dialog}
    </>
  );
}
