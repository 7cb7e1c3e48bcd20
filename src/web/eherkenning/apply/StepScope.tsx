import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { eherkenningApplyApi } from "#src/contracts/api/eherkenning-apply.ts";
import { eherkenningCatalogueApi } from "#src/contracts/api/eherkenning-catalogue.ts";
import { demandedLevelOf, levelAllowed } from "#src/contracts/eherkenning/application-rules.ts";
import type { ApplicationScope } from "#src/contracts/eherkenning/applications.ts";
import type { CatalogueProvider } from "#src/contracts/eherkenning/catalogue.ts";
import { type Level, levelSchema } from "#src/contracts/eherkenning/levels.ts";
import { callApi, errorMessage } from "#src/web/ui/api/api-client.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { FieldErrorSummary } from "#src/web/ui/components/FieldErrorSummary.tsx";
import {
  ButtonGroup,
  CheckboxField,
  FieldError,
  Fieldset,
  RadioField,
  SelectField,
} from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { applyPaths } from "./apply-paths.ts";
import type { StepProps } from "./step-props.ts";

type Kind = ApplicationScope["kind"];
const p = "ehApply.scope";

/** The services the form's choice names, to show the level they demand before saving. */
function chosenServices(
  providers: readonly CatalogueProvider[],
  kind: Kind,
  serviceIds: ReadonlySet<string>,
  providerId: string,
) {
  const all = providers.flatMap((provider) => provider.services);
  if (kind === "services") return all.filter((service) => serviceIds.has(service.id));
  if (kind === "provider") {
    return providers.find((provider) => provider.id === providerId)?.services ?? [];
  }
  return [];
}

/**
 * Step 1, "Waarvoor wenst u eHerkenning te gebruiken?": specific services, all services of one
 * provider, or all services, and the level: at least what the chosen services demand.
 */
export function StepScope({ application, goTo }: StepProps) {
  const { t } = useTranslation();
  const catalogue = useApiData(eherkenningCatalogueApi.overview);
  const saved = application.scope;
  const [kind, setKind] = useState<Kind>(saved?.kind ?? "services");
  const [serviceIds, setServiceIds] = useState<Set<string>>(
    new Set(saved?.kind === "services" ? saved.serviceIds : []),
  );
  const [providerId, setProviderId] = useState(saved?.kind === "provider" ? saved.providerId : "");
  const [level, setLevel] = useState<Level | "">(application.level ?? "");
  const [attempt, setAttempt] = useState(0);
  const [localError, setLocalError] = useState<"services" | "provider">();
  const submit = useSubmit();

  const providers = catalogue.data?.providers ?? [];
  const demanded = demandedLevelOf(chosenServices(providers, kind, serviceIds, providerId));
  const effectiveLevel = level || demanded || "EH3";
  const levelTooLow = level !== "" && !levelAllowed(level, demanded);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    if (kind === "services" && serviceIds.size === 0) return setLocalError("services");
    if (kind === "provider" && !providerId) return setLocalError("provider");
    setLocalError(undefined);
    const scope: ApplicationScope =
      kind === "services"
        ? { kind, serviceIds: [...serviceIds] }
        : kind === "provider"
          ? { kind, providerId }
          : { kind };
    const ok = await submit.run(async () => {
      await callApi(eherkenningApplyApi.saveScope, {
        body: { scope, level: level || undefined },
      });
    });
    if (ok) goTo(2);
  }

  const serverLevelError = submit.error?.code === "level_below_demanded";
  const choiceError = localError && t(`${p}.errors.${localError}`);
  const summaryFields = [
    ...(choiceError ? [{ id: `eh-scope-${localError}`, message: choiceError }] : []),
    ...(serverLevelError ? [{ id: "eh-level-EH2+", message: submit.error?.message ?? "" }] : []),
  ];

  return (
    <section aria-labelledby="eh-step-heading">
      <Heading level={2} id="eh-step-heading">
        {t("ehApply.steps.what")}
      </Heading>
      <Paragraph>{t(`${p}.intro`)}</Paragraph>
      <Heading level={3}>{t(`${p}.levelHeading`)}</Heading>
      <Paragraph>{t(`${p}.levelText`)}</Paragraph>
      <Paragraph>
        <RouterLink to={applyPaths.providers}>{t(`${p}.overviewLink`)}</RouterLink>{" "}
        {t(`${p}.overviewText`)}
      </Paragraph>
      <Heading level={3}>{t(`${p}.authorizationsHeading`)}</Heading>
      <Paragraph>{t(`${p}.authorizationsText`)}</Paragraph>

      <FieldErrorSummary
        message={choiceError || submit.error ? (choiceError ?? submit.error?.message) : undefined}
        fields={summaryFields}
        attempt={attempt}
      />
      {catalogue.error ? (
        <Alert type="error">{errorMessage(catalogue.error, t("ehApply.errors.general"))}</Alert>
      ) : null}
      <form className="poort-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <Fieldset legend={t(`${p}.kindLegend`)}>
          {(["services", "provider", "all"] as const).map((option) => (
            <RadioField
              key={option}
              id={`eh-kind-${option}`}
              name="kind"
              label={t(`${p}.kinds.${option}`)}
              checked={kind === option}
              onChange={() => setKind(option)}
            />
          ))}
        </Fieldset>

        {kind === "services" && (
          <Fieldset legend={t(`${p}.servicesLegend`)}>
            {localError === "services" && (
              <FieldError id="eh-scope-services-error">{choiceError}</FieldError>
            )}
            {catalogue.loading && <Paragraph>{t("ehApply.loading")}</Paragraph>}
            {providers.map((provider) =>
              provider.services.map((service, index) => (
                <CheckboxField
                  key={service.id}
                  id={
                    index === 0 && provider === providers[0]
                      ? "eh-scope-services"
                      : `eh-service-${service.id}`
                  }
                  label={t(`${p}.serviceOption`, {
                    service: service.name,
                    provider: provider.name,
                    level: service.level,
                  })}
                  checked={serviceIds.has(service.id)}
                  onChange={(event) => {
                    const next = new Set(serviceIds);
                    if (event.target.checked) next.add(service.id);
                    else next.delete(service.id);
                    setServiceIds(next);
                  }}
                />
              )),
            )}
          </Fieldset>
        )}

        {kind === "provider" && (
          <SelectField
            id="eh-scope-provider"
            label={t(`${p}.providerLabel`)}
            value={providerId}
            error={localError === "provider" ? choiceError : undefined}
            onChange={(event) => setProviderId(event.target.value)}
            options={[
              { value: "", label: t(`${p}.providerChoose`) },
              ...providers.map((provider) => ({ value: provider.id, label: provider.name })),
            ]}
          />
        )}

        <Fieldset legend={t(`${p}.levelLegend`)}>
          <Paragraph>
            {demanded
              ? t(`${p}.demanded`, { level: demanded })
              : kind === "all"
                ? t(`${p}.demandedAll`)
                : t(`${p}.demandedNone`)}
          </Paragraph>
          {(serverLevelError || levelTooLow) && (
            <FieldError id="eh-level-error">
              {serverLevelError ? submit.error?.message : t(`${p}.errors.levelTooLow`)}
            </FieldError>
          )}
          {levelSchema.options.map((option) => (
            <RadioField
              key={option}
              id={`eh-level-${option}`}
              name="level"
              label={t(`ehApply.levels.${option}`)}
              checked={effectiveLevel === option}
              onChange={() => setLevel(option)}
            />
          ))}
        </Fieldset>

        <ButtonGroup>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {t("ehApply.next")}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
