import { useTranslation } from "react-i18next";
import { officeApi } from "#src/contracts/api/office.ts";
import { staffRoleLabel } from "#src/contracts/audit-actors.ts";
import { AccountState } from "#src/web/ui/account/AccountState.tsx";
import { useSession } from "#src/web/ui/api/session.tsx";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { localeOfLanguage } from "#src/web/ui/i18n/language.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { EherkenningLevelSection } from "../components/EherkenningLevelSection.tsx";
import { InviteStaffForm } from "../components/InviteStaffForm.tsx";
import { ListNotices } from "../components/ListNotices.tsx";
import { StaffActions } from "../components/StaffActions.tsx";
import { isOfficeAdmin } from "../is-admin.ts";
import { useRowAction } from "../use-row-action.ts";

/** "Medewerkers": for the office's admins only. */
export function StaffPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  useDocumentTitle(t("office.staff.title"));
  return (
    <>
      <Heading level={1}>{t("office.staff.title")}</Heading>
      {isOfficeAdmin(session) ? (
        <StaffManagement />
      ) : (
        <Alert type="warning">{t("office.staff.noAccess")}</Alert>
      )}
    </>
  );
}

/** The office's staff, what an admin can change per colleague, and inviting a colleague. */
function StaffManagement() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const staff = useApiData(officeApi.staff);
  const action = useRowAction(staff.reload);
  const accounts = staff.data?.accounts;
  return (
    <>
      <section className="poort-section" aria-labelledby="staff-heading">
        <Heading level={2} id="staff-heading">
          {t("office.staff.listHeading")}
        </Heading>
        <ListNotices loading={!accounts && staff.loading} loadError={staff.error} action={action} />
        {accounts && (
          <Table caption={t("office.staff.caption")}>
            <TableHeadings
              labels={[
                t("account.fields.name"),
                t("account.fields.email"),
                t("office.fields.role"),
                t("office.fields.status"),
                t("office.fields.actions"),
              ]}
            />
            <TableBody>
              {accounts.map((account) => (
                <TableRow key={account.id}>
                  <TableCell>{account.name}</TableCell>
                  <TableCell>{account.email}</TableCell>
                  <TableCell>
                    {account.role
                      ? staffRoleLabel(account.role, localeOfLanguage(i18n.language))
                      : ""}
                  </TableCell>
                  <TableCell>
                    <AccountState account={account} />
                  </TableCell>
                  <TableCell>
                    {account.id === session?.account?.id ? (
                      // Admins cannot demote or deactivate themselves: another admin does that.
                      t("office.staff.you")
                    ) : (
                      <StaffActions account={account} action={action} />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <InviteStaffForm onInvited={staff.reload} />
      <EherkenningLevelSection />
    </>
  );
}
