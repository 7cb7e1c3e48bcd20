import { useTranslation } from "react-i18next";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterButtonLink, RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { eherkenningPaths } from "./catalogue-paths.ts";
import "./catalogue.css";

/** The seed's five steps, in order: the key of each step's title and text. */
const steps = ["what", "who", "collect", "start", "check"] as const;

/**
 * The eHerkenning area's front page: what eHerkenning is for, the five steps of an application
 * with the seed's titles, where to see which level a service needs, and the way in for holders.
 */
export function EherkenningHomePage() {
  const { t } = useTranslation();
  const p = "ehCatalogue.home";
  useDocumentTitle(t(`${p}.title`));
  return (
    <>
      <Heading level={1}>{t(`${p}.title`)}</Heading>
      <Paragraph appearance="lead">{t(`${p}.lead`)}</Paragraph>
      <Paragraph>
        <RouterButtonLink to={eherkenningPaths.apply}>{t(`${p}.apply`)}</RouterButtonLink>
      </Paragraph>

      <section className="poort-section" aria-labelledby="eh-steps-heading">
        <Heading level={2} id="eh-steps-heading">
          {t(`${p}.stepsHeading`)}
        </Heading>
        <ol className="utrecht-ordered-list poort-eh-steps">
          {steps.map((step) => (
            <li key={step} className="utrecht-ordered-list__item">
              <Heading level={3}>{t(`${p}.steps.${step}.title`)}</Heading>
              <Paragraph>{t(`${p}.steps.${step}.text`)}</Paragraph>
            </li>
          ))}
        </ol>
        <Heading level={3}>{t(`${p}.useHeading`)}</Heading>
        <Paragraph>{t(`${p}.useText`)}</Paragraph>
      </section>

      <section className="poort-section" aria-labelledby="eh-providers-heading">
        <Heading level={2} id="eh-providers-heading">
          {t(`${p}.providersHeading`)}
        </Heading>
        <Paragraph>{t(`${p}.providersText`)}</Paragraph>
        <Paragraph>
          <RouterLink to={eherkenningPaths.providers}>{t(`${p}.providersLink`)}</RouterLink>
        </Paragraph>
      </section>

      <section className="poort-section" aria-labelledby="eh-login-heading">
        <Heading level={2} id="eh-login-heading">
          {t(`${p}.loginHeading`)}
        </Heading>
        <Paragraph>{t(`${p}.loginText`)}</Paragraph>
        <Paragraph>
          <RouterLink to={eherkenningPaths.login}>{t(`${p}.login`)}</RouterLink>
        </Paragraph>
      </section>
    </>
  );
}
