import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OfficeAction } from "#src/contracts/actions.ts";
import { officeApi } from "#src/contracts/api/office.ts";
import type { OfficeDossier } from "#src/contracts/dossiers.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Button } from "#src/web/ui/components/Button.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { formatDateTime } from "#src/web/ui/format.ts";
import { ListNotices } from "../components/ListNotices.tsx";
import { officePaths } from "../paths.ts";
import { ActionState } from "./ActionState.tsx";
import { actionKindLabel, actionTitle, dueDateLabel } from "./action-labels.ts";
import { FocusNotice } from "./FocusNotice.tsx";
import { SendActionForm } from "./SendActionForm.tsx";
import { useFocusBack } from "./use-focus-back.ts";
import "./actions.css";

/**
 * The actions of one dossier in the back office, newest first (questionnaires and upload
 * requests, each to one client), with "Actie versturen" to its clients.
 */
export function DossierActions({
  dossier,
  onChanged,
}: {
  dossier: OfficeDossier;
  /** Actions were sent. */
  onChanged?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const list = useApiData(officeApi.dossierActions, { params: { dossierId: dossier.id } });
  const [composing, setComposing] = useState(false);
  const [composeKey, setComposeKey] = useState(0);
  const [sent, setSent] = useState<{ n: number; message: string }>();
  const actions = list.data?.actions;
  const sendButton = useFocusBack();

  return (
    <>
      {!composing && (
        <div className="poort-action-buttons">
          <Button
            ref={sendButton.ref}
            appearance="primary-action"
            onClick={() => {
              setSent(undefined);
              setComposeKey((n) => n + 1);
              setComposing(true);
            }}
          >
            {t("office.actions.send")}
          </Button>
        </div>
      )}
      {sent && <FocusNotice key={sent.n} message={sent.message} />}
      {composing && (
        <SendActionForm
          key={composeKey}
          dossier={dossier}
          onCancel={() => {
            setComposing(false);
            sendButton.focusBack();
          }}
          onSent={(created) => {
            setComposing(false);
            const [first] = created;
            setSent({
              n: composeKey,
              message: t("office.actions.sentNotice", {
                title: first ? actionTitle(first, i18n.language) : "",
                clients: created.map((action) => action.client.name).join(", "),
              }),
            });
            list.reload();
            onChanged?.();
          }}
        />
      )}
      <ListNotices loading={!actions && list.loading} loadError={list.error} />
      {actions && actions.length === 0 && <Paragraph>{t("office.actions.empty")}</Paragraph>}
      {actions && actions.length > 0 && (
        <ActionTable
          caption={t("office.actions.caption", { number: dossier.number })}
          actions={actions}
        />
      )}
    </>
  );
}

function ActionTable({ caption, actions }: { caption: string; actions: OfficeAction[] }) {
  const { t, i18n } = useTranslation();
  const c = "office.actions.columns";
  return (
    <Table caption={caption}>
      <TableHeadings
        labels={[
          t(`${c}.title`),
          t(`${c}.client`),
          t(`${c}.kind`),
          t(`${c}.state`),
          t(`${c}.dueDate`),
          t(`${c}.sent`),
        ]}
      />
      <TableBody>
        {actions.map((action) => (
          <TableRow key={action.id}>
            <TableCell>
              <RouterLink to={officePaths.action(action.id)}>
                {actionTitle(action, i18n.language)}
              </RouterLink>
            </TableCell>
            <TableCell>{action.client.name}</TableCell>
            <TableCell>{actionKindLabel(action.kind, t)}</TableCell>
            <TableCell>
              <ActionState action={action} />
            </TableCell>
            <TableCell>{dueDateLabel(action, t, i18n.language)}</TableCell>
            <TableCell>
              <span className="poort-action-sent">
                {formatDateTime(action.sentAt, i18n.language)}
              </span>{" "}
              <span className="poort-action-sent">
                {t("office.actions.sentBy", { name: action.sentByName })}
              </span>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
