import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { eherkenningBeheerApi } from "#src/contracts/api/eherkenning-beheer.ts";
import { type IdentificationDetail, PLACE_MAX } from "#src/contracts/eherkenning/review.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ButtonGroup, TextField } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { useFieldChecks } from "./use-field-checks.tsx";

/** `YYYY-MM-DDTHH:mm` in the browser's time, as a datetime-local field holds it. */
function localValue(iso: string | null): string {
  if (!iso) return "";
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

type Field = "appointmentAt" | "place";
const ids: Record<Field, string> = {
  appointmentAt: "appointment-at",
  place: "appointment-place",
};

/** "Afspraak plannen": when and where the agent meets the user, within the window. */
export function AppointmentForm({
  identification,
  onSaved,
}: {
  identification: IdentificationDetail;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [when, setWhen] = useState(localValue(identification.appointmentAt));
  const [place, setPlace] = useState(identification.appointmentPlace ?? "");
  const [saved, setSaved] = useState(false);
  const { submit, errors, accept, summary } = useFieldChecks(ids, (field, message) =>
    field === "appointmentAt" ? t("ehReview.appointment.whenInvalid") : message,
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const found: Partial<Record<Field, string>> = {};
    if (!when || Number.isNaN(new Date(when).getTime())) {
      found.appointmentAt = t("ehReview.appointment.whenMissing");
    }
    if (!place.trim()) found.place = t("ehReview.appointment.placeMissing");
    if (!accept(found)) return;
    const ok = await submit.run(async () => {
      await callApi(eherkenningBeheerApi.planAppointment, {
        params: { identificationId: identification.id },
        body: { appointmentAt: new Date(when).toISOString(), place },
      });
    });
    if (ok) {
      setSaved(true);
      onSaved();
    }
  };

  return (
    <section className="poort-section" aria-labelledby="appointment-heading">
      <Heading level={2} id="appointment-heading">
        {t("ehReview.appointment.heading")}
      </Heading>
      {summary}
      {saved && <Alert type="ok">{t("ehReview.appointment.saved")}</Alert>}
      <form className="poort-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          id={ids.appointmentAt}
          type="datetime-local"
          label={t("ehReview.appointment.when")}
          description={t("ehReview.appointment.whenHint")}
          value={when}
          required
          error={errors.appointmentAt}
          onChange={(event) => setWhen(event.target.value)}
        />
        <TextField
          id={ids.place}
          label={t("ehReview.appointment.place")}
          description={t("ehReview.appointment.placeHint")}
          value={place}
          maxLength={PLACE_MAX}
          autoComplete="off"
          required
          error={errors.place}
          onChange={(event) => setPlace(event.target.value)}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {t("ehReview.appointment.save")}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
