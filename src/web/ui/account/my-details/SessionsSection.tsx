import { useState } from "react";
import { useTranslation } from "react-i18next";
import { sessionListSchema } from "../../../../contracts/accounts.ts";
import { apiRequest, errorMessage } from "../../../ui/api/api-client.ts";
import { useApiData } from "../../../ui/api/use-api-data.ts";
import { useSubmit } from "../../../ui/api/use-submit.ts";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Button } from "../../../ui/components/Button.tsx";
import { ErrorSummary } from "../../../ui/components/ErrorSummary.tsx";
import { Heading } from "../../../ui/components/Heading.tsx";
import { Paragraph } from "../../../ui/components/Paragraph.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "../../../ui/components/Table.tsx";
import { formatDateTime } from "../../../ui/format.ts";

/** Where this account is logged in, and a way to end every other session. */
export function SessionsSection() {
  const { t, i18n } = useTranslation();
  const sessions = useApiData("/api/me/sessions", sessionListSchema);
  const submit = useSubmit();
  const [ended, setEnded] = useState(false);
  const others = sessions.data?.sessions.filter((session) => !session.current) ?? [];

  const endOthers = async () => {
    setEnded(false);
    const ok = await submit.run(async () => {
      await apiRequest("POST", "/api/me/sessions/end-others");
    });
    setEnded(ok);
    sessions.reload();
  };

  return (
    <section className="poort-section" aria-labelledby="sessions-heading">
      <Heading level={2} id="sessions-heading">
        {t("portal.myDetails.sessions.heading")}
      </Heading>
      <ErrorSummary>{submit.error?.message}</ErrorSummary>
      {ended && <Alert type="ok">{t("portal.myDetails.sessions.ended")}</Alert>}
      {sessions.error !== undefined && (
        <Alert type="error">{errorMessage(sessions.error, t("portal.errors.general"))}</Alert>
      )}
      {sessions.data && (
        <>
          <Table caption={t("portal.myDetails.sessions.caption")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("portal.myDetails.sessions.device")}</TableHeaderCell>
                <TableHeaderCell>{t("portal.myDetails.sessions.ip")}</TableHeaderCell>
                <TableHeaderCell>{t("portal.myDetails.sessions.started")}</TableHeaderCell>
                <TableHeaderCell>{t("portal.myDetails.sessions.lastSeen")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {sessions.data.sessions.map((session) => (
                <TableRow key={session.id}>
                  <TableCell>
                    {session.userAgent ?? t("portal.myDetails.sessions.unknown")}
                    {session.current && ` (${t("portal.myDetails.sessions.current")})`}
                  </TableCell>
                  <TableCell>{session.ip ?? t("portal.myDetails.sessions.unknown")}</TableCell>
                  <TableCell>{formatDateTime(session.createdAt, i18n.language)}</TableCell>
                  <TableCell>{formatDateTime(session.lastSeenAt, i18n.language)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {others.length > 0 ? (
            <Button disabled={submit.busy} onClick={() => void endOthers()}>
              {t("portal.myDetails.sessions.endOthers")}
            </Button>
          ) : (
            <Paragraph>{t("portal.myDetails.sessions.onlyThis")}</Paragraph>
          )}
        </>
      )}
    </section>
  );
}
