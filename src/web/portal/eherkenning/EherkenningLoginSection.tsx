import { useState } from "react";
import { useTranslation } from "react-i18next";
import { portalEherkenningApi, portalSamlPaths } from "#src/contracts/api/portal-eherkenning.ts";
import type { PortalEherkenningOffice } from "#src/contracts/eherkenning/portal-login.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { SelectField } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { ButtonLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";

const k = "portal.eherkenning.login";

/**
 * Below the password form of the portal's login page: companies log in with eHerkenning at an
 * office that offers it. While the offices load, when none offers it, or when they cannot be
 * fetched, there is nothing to offer, and the password login stands alone.
 */
export function EherkenningLoginSection() {
  const { data } = useApiData(portalEherkenningApi.offices);
  if (!data || data.offices.length === 0) return null;
  return <EherkenningLoginForm offices={data.offices} />;
}

/**
 * The way to the office's eHerkenning login: a link to the server, which redirects to the
 * identity provider (a link, since the page's CSP lets forms submit to Poort only, and a broker
 * is elsewhere). Each office's portal is a service at its own level, so the office is chosen
 * first when there are several.
 */
export function EherkenningLoginForm({ offices }: { offices: PortalEherkenningOffice[] }) {
  const { t } = useTranslation();
  const [officeId, setOfficeId] = useState(offices[0]?.id ?? "");
  const href = `${portalSamlPaths.login}?${new URLSearchParams({ office: officeId })}`;
  return (
    <section className="poort-section" aria-labelledby="eherkenning-login-heading">
      <Heading level={2} id="eherkenning-login-heading">
        {t(`${k}.heading`)}
      </Heading>
      <Paragraph>{t(`${k}.intro`)}</Paragraph>
      <div className="poort-form">
        {offices.length > 1 && (
          <SelectField
            id="eherkenning-office"
            label={t(`${k}.office`)}
            value={officeId}
            onChange={(event) => setOfficeId(event.target.value)}
            options={offices.map((office) => ({
              value: office.id,
              label: t(`${k}.officeOption`, { name: office.name, level: office.level }),
            }))}
          />
        )}
        <div>
          <ButtonLink href={href}>{t(`${k}.submit`)}</ButtonLink>
        </div>
      </div>
    </section>
  );
}
