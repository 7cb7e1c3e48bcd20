import { useTranslation } from "react-i18next";
import { useLocation, useParams } from "react-router";
import { officeApi } from "#src/contracts/api/office.ts";
import type { DossierOptions, OfficeDossier } from "#src/contracts/dossiers.ts";
import { callApi, errorMessage } from "#src/web/ui/api/api-client.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { FocusHeading } from "#src/web/ui/components/FocusHeading.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { formatDate, formatDateTime } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { DossierActions } from "../actions/DossierActions.tsx";
import { OfficeDocuments, SuppliedDocuments } from "../components/DossierDocuments.tsx";
import { DossierForm } from "../components/DossierForm.tsx";
import { ProgressSection } from "../components/ProgressSection.tsx";
import { PublishDocumentForm } from "../components/PublishDocumentForm.tsx";
import { statusLabel } from "../dossiers/labels.ts";
import { DossierMessages } from "../messages/DossierMessages.tsx";
import { officePaths } from "../paths.ts";
import type { CreatedState } from "./NewDossierPage.tsx";
import "../dossiers/dossiers.css";

const createdNumber = (state: unknown): string | undefined =>
  typeof state === "object" && state !== null && "created" in state
    ? String((state as CreatedState).created)
    : undefined;

/**
 * One dossier in the back office: its details, its progress, the documents the office
 * publishes to its clients and those the clients supplied.
 */
export function DossierPage() {
  const { t } = useTranslation();
  const { dossierId = "" } = useParams();
  const location = useLocation();
  const dossier = useApiData(officeApi.dossier, { params: { dossierId } });
  const options = useApiData(officeApi.dossierOptions);
  const number = dossier.data?.number;
  const title = number ? t("office.dossiers.detail.title", { number }) : t("office.dossiers.title");
  useDocumentTitle(title);
  const justCreated = number !== undefined && createdNumber(location.state) === number;

  return (
    <>
      <Paragraph className="poort-dossier-back">
        <RouterLink to={officePaths.dossiers}>{t("office.dossiers.back")}</RouterLink>
      </Paragraph>
      {justCreated ? (
        // Coming from "Dossier aanmaken": the focus moves here, so the new page is announced.
        <FocusHeading level={1}>{title}</FocusHeading>
      ) : (
        <Heading level={1}>{title}</Heading>
      )}
      {justCreated && <Alert type="ok">{t("office.dossiers.create.created", { number })}</Alert>}
      {!dossier.data && dossier.loading && <Paragraph>{t("account.loading")}</Paragraph>}
      {dossier.error !== undefined && (
        <Alert type="error">{errorMessage(dossier.error, t("account.errors.general"))}</Alert>
      )}
      {options.error !== undefined && (
        <Alert type="error">{errorMessage(options.error, t("account.errors.general"))}</Alert>
      )}
      {dossier.data && (
        <DossierSections
          key={dossier.data.id}
          dossier={dossier.data}
          options={options.data}
          reload={dossier.reload}
        />
      )}
    </>
  );
}

function DossierSections({
  dossier,
  options,
  reload,
}: {
  dossier: OfficeDossier;
  options?: DossierOptions;
  reload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const supplied = dossier.documents.filter((document) => document.category === "supplied");
  const published = dossier.documents.filter((document) => document.category !== "supplied");

  return (
    <>
      <DataList
        items={[
          {
            key: "status",
            label: t("office.dossiers.fields.status"),
            value: statusLabel(dossier.status, t),
          },
          {
            key: "handler",
            label: t("office.dossiers.fields.handler"),
            value: dossier.handler?.name ?? t("office.dossiers.fields.noHandler"),
          },
          {
            key: "updated",
            label: t("office.dossiers.list.updatedAt"),
            value: formatDateTime(dossier.updatedAt, i18n.language),
          },
          ...(dossier.leavesPortalOn
            ? [
                {
                  key: "leaves",
                  label: t("office.dossiers.fields.leavesPortal"),
                  value: formatDate(dossier.leavesPortalOn, i18n.language),
                },
              ]
            : []),
        ]}
      />

      <section
        className="poort-section poort-dossier-form-section"
        aria-labelledby="details-heading"
      >
        <Heading level={2} id="details-heading">
          {t("office.dossiers.detail.detailsHeading")}
        </Heading>
        {options ? (
          <DossierForm
            idPrefix="dossier"
            options={options}
            initial={{
              number: dossier.number,
              description: dossier.description,
              status: dossier.status.key,
              handlerId: dossier.handler?.id ?? "",
              clientIds: dossier.clients.map((client) => client.id),
              template: "",
            }}
            current={dossier}
            withTemplate={false}
            submitLabel={t("office.dossiers.detail.save")}
            save={async (body) => {
              const { template: _template, ...fields } = body;
              await callApi(officeApi.updateDossier, {
                params: { dossierId: dossier.id },
                body: fields,
              });
              reload();
              return t("office.dossiers.detail.saved");
            }}
          />
        ) : (
          <Paragraph>{t("account.loading")}</Paragraph>
        )}
      </section>

      <ProgressSection dossierId={dossier.id} progress={dossier.progress} onSaved={reload} />

      <section className="poort-section" aria-labelledby="publish-heading">
        <Heading level={2} id="publish-heading">
          {t("office.dossiers.publish.heading")}
        </Heading>
        <PublishDocumentForm dossierId={dossier.id} onAdded={reload} />
      </section>

      <section className="poort-section" aria-labelledby="documents-heading">
        <Heading level={2} id="documents-heading">
          {t("office.dossiers.documents.heading")}
        </Heading>
        <OfficeDocuments documents={published} reload={reload} />
      </section>

      <section className="poort-section" aria-labelledby="messages-heading">
        <Heading level={2} id="messages-heading">
          {t("messages.title")}
        </Heading>
        <DossierMessages dossier={dossier} onChanged={reload} />
      </section>

      <section className="poort-section" aria-labelledby="actions-heading">
        <Heading level={2} id="actions-heading">
          {t("office.actions.heading")}
        </Heading>
        <DossierActions dossier={dossier} />
      </section>

      <section className="poort-section" aria-labelledby="supplied-heading">
        <Heading level={2} id="supplied-heading">
          {t("office.dossiers.supplied.heading")}
        </Heading>
        <SuppliedDocuments documents={supplied} />
      </section>
    </>
  );
}
