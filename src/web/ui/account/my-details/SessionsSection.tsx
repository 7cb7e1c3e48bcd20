import { useState } from "react";
import { useTranslation } from "react-i18next";
import { accountApi } from "#src/contracts/api/account.ts";
import { callApi, errorMessage } from "#src/web/ui/api/api-client.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { formatDateTime } from "#src/web/ui/format.ts";

/** Where this account is logged in, and a way to end every other session. */
export function SessionsSection() {
  const { t, i18n } = useTranslation();
  const sessions = useApiData(accountApi.sessions);
  const submit = useSubmit();
  const [ended, setEnded] = useState(false);
  const others = sessions.data?.sessions.filter((session) => !session.current) ?? [];

  const endOthers = async () => {
    setEnded(false);
    const ok = await submit.run(async () => {
      await callApi(accountApi.endOtherSessions);
    });
    setEnded(ok);
    sessions.reload();
  };

  return (
    <section className="poort-section" aria-labelledby="sessions-heading">
      <Heading level={2} id="sessions-heading">
        {t("account.myDetails.sessions.heading")}
      </Heading>
      <ErrorSummary>{submit.error?.message}</ErrorSummary>
      {ended && <Alert type="ok">{t("account.myDetails.sessions.ended")}</Alert>}
      {sessions.error !== undefined && (
        <Alert type="error">{errorMessage(sessions.error, t("account.errors.general"))}</Alert>
      )}
      {sessions.data && (
        <>
          <Table caption={t("account.myDetails.sessions.caption")}>
            <TableHeadings
              labels={[
                t("account.myDetails.sessions.device"),
                t("account.myDetails.sessions.ip"),
                t("account.myDetails.sessions.started"),
                t("account.myDetails.sessions.lastSeen"),
              ]}
            />
            <TableBody>
              {sessions.data.sessions.map((session) => (
                <TableRow key={session.id}>
                  <TableCell>
                    {session.userAgent ?? t("account.myDetails.sessions.unknown")}
                    {session.current && ` (${t("account.myDetails.sessions.current")})`}
                  </TableCell>
                  <TableCell>{session.ip ?? t("account.myDetails.sessions.unknown")}</TableCell>
                  <TableCell>{formatDateTime(session.createdAt, i18n.language)}</TableCell>
                  <TableCell>{formatDateTime(session.lastSeenAt, i18n.language)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {others.length > 0 ? (
            <Button disabled={submit.busy} onClick={() => void endOthers()}>
              {t("account.myDetails.sessions.endOthers")}
            </Button>
          ) : (
            <Paragraph>{t("account.myDetails.sessions.onlyThis")}</Paragraph>
          )}
        </>
      )}
    </section>
  );
}
