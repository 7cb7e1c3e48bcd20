import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { servicedeskApi } from "#src/contracts/api/servicedesk.ts";
import { changeOfficeEmailSchema, type OfficeDetail } from "#src/contracts/certificates.ts";
import { ApiError, callApi } from "#src/web/ui/api/api-client.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { TextField } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { SubmitForm } from "#src/web/ui/components/SubmitForm.tsx";
import { serverFieldErrors } from "#src/web/ui/components/server-field-errors.ts";

/**
 * The office's registered address (A10): notifications and every request's confirmation go
 * there, and its domain is the only one the office may send certificates to. Only here, on
 * the member administration's word, can the domain change.
 */
export function OfficeEmailSection({
  office,
  onChanged,
}: {
  office: OfficeDetail;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [email, setEmail] = useState(office.email);
  const [error, setError] = useState<string>();
  const [changed, setChanged] = useState<string>();
  const k = "servicedesk.certificates.email";

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setChanged(undefined);
    const parsed = changeOfficeEmailSchema.safeParse({ email });
    if (!parsed.success) {
      setError(email.trim() ? t(`${k}.invalid`) : t(`${k}.missing`));
      submit.setError(new ApiError(0, "invalid", t("account.errors.fixFields")));
      return;
    }
    setError(undefined);
    const next = parsed.data.email;
    const ok = await submit.run(async () => {
      try {
        await callApi(servicedeskApi.changeOfficeEmail, {
          params: { officeId: office.id },
          body: { email: next },
        });
      } catch (caught) {
        if (caught instanceof ApiError) setError(serverFieldErrors(caught, ["email"]).email);
        throw caught;
      }
    });
    if (ok) {
      setChanged(t(`${k}.changed`, { email: next }));
      onChanged();
    }
  };

  return (
    <section className="poort-section" aria-labelledby="office-email-heading">
      <Heading level={2} id="office-email-heading">
        {t(`${k}.heading`)}
      </Heading>
      <Paragraph>{t(`${k}.intro`)}</Paragraph>
      <SubmitForm submit={submit} done={changed} submitLabel={t(`${k}.submit`)} onSubmit={onSubmit}>
        <TextField
          id="office-email"
          label={t(`${k}.label`)}
          type="email"
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={error}
        />
      </SubmitForm>
    </section>
  );
}
