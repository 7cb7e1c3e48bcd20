import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type StaffRole, staffRoleSchema } from "#src/contracts/accounts.ts";
import { officeApi } from "#src/contracts/api/office.ts";
import type { Locale } from "#src/contracts/locale.ts";
import { LocaleFieldset } from "#src/web/ui/account/LocaleFieldset.tsx";
import { ApiError, callApi } from "#src/web/ui/api/api-client.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { SelectField, TextField } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { useRoleOptions } from "./use-role-options.ts";

/** "Medewerker uitnodigen": a colleague with a role, who gets an invitation by e-mail. */
export function InviteStaffForm({ onInvited }: { onInvited: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const roleOptions = useRoleOptions();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<StaffRole>("handler");
  const [locale, setLocale] = useState<Locale>("nl");
  const [missing, setMissing] = useState<{ name?: boolean; email?: boolean }>({});
  const [invited, setInvited] = useState<string>();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setInvited(undefined);
    const nowMissing = { name: !name.trim(), email: !email.trim() };
    setMissing(nowMissing);
    if (nowMissing.name || nowMissing.email) {
      submit.setError(new ApiError(0, "missing", t("account.errors.fillIn")));
      return;
    }
    const ok = await submit.run(async () => {
      await callApi(officeApi.inviteStaff, {
        body: { name: name.trim(), email: email.trim(), role, locale },
      });
    });
    if (ok) {
      setInvited(t("office.staff.invited", { name: name.trim() }));
      setName("");
      setEmail("");
      onInvited();
    }
  };

  return (
    <section className="poort-section" aria-labelledby="invite-staff-heading">
      <Heading level={2} id="invite-staff-heading">
        {t("office.staff.inviteHeading")}
      </Heading>
      <ErrorSummary>{submit.error?.message}</ErrorSummary>
      {invited && <Alert type="ok">{invited}</Alert>}
      <form className="poort-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          id="staff-name"
          label={t("account.fields.name")}
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={missing.name ? t("account.errors.nameMissing") : undefined}
        />
        <TextField
          id="staff-email"
          label={t("account.fields.email")}
          type="email"
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={missing.email ? t("office.errors.emailMissing") : undefined}
        />
        <SelectField
          id="staff-role"
          label={t("office.fields.role")}
          options={roleOptions}
          value={role}
          onChange={(event) => setRole(staffRoleSchema.parse(event.target.value))}
        />
        <LocaleFieldset
          name="staff-locale"
          legend={t("office.fields.locale")}
          value={locale}
          onChange={setLocale}
        />
        <div>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {t("office.staff.invite")}
          </Button>
        </div>
      </form>
    </section>
  );
}
