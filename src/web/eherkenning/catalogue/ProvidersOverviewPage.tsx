import { useState } from "react";
import { useTranslation } from "react-i18next";
import { eherkenningCatalogueApi } from "#src/contracts/api/eherkenning-catalogue.ts";
import type { CatalogueProvider } from "#src/contracts/eherkenning/catalogue.ts";
import { levelSchema } from "#src/contracts/eherkenning/levels.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { TextField } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Link, RouterButtonLink } from "#src/web/ui/components/Link.tsx";
import { LoadNotices } from "#src/web/ui/components/LoadNotices.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { UnorderedList, UnorderedListItem } from "#src/web/ui/components/UnorderedList.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { eherkenningPaths } from "./catalogue-paths.ts";
import { filterProviders } from "./provider-filter.ts";
import "./catalogue.css";

const p = "ehCatalogue.overview";

/**
 * "Het overzicht van dienstverleners" (C1): which level each service demands, with the seed's
 * explanation of Betrouwbaarheidsniveau and Machtigingen, and a filter by name.
 */
export function ProvidersOverviewPage() {
  const { t } = useTranslation();
  useDocumentTitle(t(`${p}.title`));
  return (
    <>
      <Heading level={1}>{t(`${p}.title`)}</Heading>
      <Paragraph appearance="lead">{t(`${p}.lead`)}</Paragraph>

      <section className="poort-section" aria-labelledby="eh-level-heading">
        <Heading level={2} id="eh-level-heading">
          {t(`${p}.levelHeading`)}
        </Heading>
        <Paragraph>{t(`${p}.levelText`)}</Paragraph>
        <UnorderedList>
          {levelSchema.options.map((level) => (
            <UnorderedListItem key={level}>{t(`${p}.levelFacts.${level}`)}</UnorderedListItem>
          ))}
        </UnorderedList>
      </section>

      <section className="poort-section" aria-labelledby="eh-authorizations-heading">
        <Heading level={2} id="eh-authorizations-heading">
          {t(`${p}.authorizationsHeading`)}
        </Heading>
        <Paragraph>{t(`${p}.authorizationsText`)}</Paragraph>
        <Paragraph>
          <RouterButtonLink to={eherkenningPaths.apply}>{t(`${p}.apply`)}</RouterButtonLink>
        </Paragraph>
      </section>

      <ProviderList />
    </>
  );
}

function ProviderList() {
  const { t } = useTranslation();
  const overview = useApiData(eherkenningCatalogueApi.overview);
  const [query, setQuery] = useState("");
  const providers = overview.data?.providers;
  const shown = providers ? filterProviders(providers, query) : [];
  return (
    <section className="poort-section" aria-labelledby="eh-providers-heading">
      <Heading level={2} id="eh-providers-heading">
        {t(`${p}.providersHeading`)}
      </Heading>
      <LoadNotices
        loading={overview.loading && !providers}
        error={overview.error}
        loadingText={t("ehCatalogue.loading")}
        errorText={t("account.errors.general")}
      />
      {providers && providers.length === 0 && <Paragraph>{t(`${p}.empty`)}</Paragraph>}
      {providers && providers.length > 0 && (
        <>
          <search>
            <form className="poort-form" noValidate onSubmit={(event) => event.preventDefault()}>
              <TextField
                id="eh-provider-filter"
                type="search"
                label={t(`${p}.filterLabel`)}
                description={t(`${p}.filterDescription`)}
                autoComplete="off"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
              />
            </form>
          </search>
          <div role="status">
            <Paragraph>
              {shown.length === 0
                ? t(`${p}.noMatch`, { query: query.trim() })
                : t(`${p}.shown`, { count: shown.length })}
            </Paragraph>
          </div>
          {shown.map((provider) => (
            <ProviderEntry key={provider.id} provider={provider} />
          ))}
        </>
      )}
    </section>
  );
}

function ProviderEntry({ provider }: { provider: CatalogueProvider }) {
  const { t } = useTranslation();
  return (
    <article className="poort-eh-provider" aria-labelledby={`eh-provider-${provider.id}`}>
      <Heading level={3} id={`eh-provider-${provider.id}`}>
        {provider.name}
      </Heading>
      {provider.websiteUrl && (
        <Paragraph>
          <Link href={provider.websiteUrl} rel="noopener noreferrer">
            {t(`${p}.website`, { provider: provider.name })}
          </Link>
        </Paragraph>
      )}
      {provider.services.length === 0 ? (
        <Paragraph>{t(`${p}.noServices`)}</Paragraph>
      ) : (
        <Table caption={t(`${p}.servicesCaption`, { provider: provider.name })}>
          <TableHeadings labels={[t(`${p}.service`), t(`${p}.level`)]} />
          <TableBody>
            {provider.services.map((service) => (
              <TableRow key={service.id}>
                <TableCell>
                  {service.name}
                  {service.description && (
                    <Paragraph appearance="small">{service.description}</Paragraph>
                  )}
                </TableCell>
                <TableCell>{t(`ehCatalogue.levels.${service.level}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </article>
  );
}
