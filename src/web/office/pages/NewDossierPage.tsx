import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { officeApi } from "#src/contracts/api/office.ts";
import { callApi, errorMessage } from "#src/web/ui/api/api-client.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { DossierForm, emptyDossierForm } from "../components/DossierForm.tsx";
import { officePaths } from "../paths.ts";
import "../dossiers/dossiers.css";

/** The dossier page's notice after creating, passed along in the navigation's state. */
export interface CreatedState {
  created: string;
}

/** "Nieuw dossier": the form; once created, on to the dossier's own page. */
export function NewDossierPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const options = useApiData(officeApi.dossierOptions);
  useDocumentTitle(t("office.dossiers.new"));

  return (
    <>
      <Paragraph className="poort-dossier-back">
        <RouterLink to={officePaths.dossiers}>{t("office.dossiers.back")}</RouterLink>
      </Paragraph>
      <Heading level={1}>{t("office.dossiers.new")}</Heading>
      {!options.data && options.loading && <Paragraph>{t("account.loading")}</Paragraph>}
      {options.error !== undefined && (
        <Alert type="error">{errorMessage(options.error, t("account.errors.general"))}</Alert>
      )}
      {options.data && (
        <div className="poort-dossier-form-section">
          <DossierForm
            idPrefix="new-dossier"
            options={options.data}
            initial={emptyDossierForm}
            withTemplate
            submitLabel={t("office.dossiers.create.submit")}
            save={async (body) => {
              const dossier = await callApi(officeApi.createDossier, { body });
              const state: CreatedState = { created: dossier.number };
              navigate(officePaths.dossier(dossier.id), { state });
              return undefined;
            }}
          />
        </div>
      )}
    </>
  );
}
