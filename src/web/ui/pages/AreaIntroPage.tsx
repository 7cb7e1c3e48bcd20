import { useTranslation } from "react-i18next";
import type { Area } from "../areas.ts";
import { Heading } from "../components/Heading.tsx";
import { Paragraph } from "../components/Paragraph.tsx";
import { UnorderedList, UnorderedListItem } from "../components/UnorderedList.tsx";
import { useDocumentTitle } from "../use-document-title.ts";

/** An area's front page: who it is for, what they can do there, and how they get in. */
export function AreaIntroPage({ area }: { area: Area }) {
  const { t } = useTranslation();
  const key = `areas.${area.id}`;
  const name = t(`${key}.name`);
  useDocumentTitle(name);
  return (
    <>
      <Heading level={1}>{name}</Heading>
      <Paragraph appearance="lead">{t(`${key}.audience`)}</Paragraph>
      <Heading level={2}>{t("areaIntro.tasksHeading")}</Heading>
      <UnorderedList>
        {area.tasks.map((task) => (
          <UnorderedListItem key={task}>{t(`${key}.tasks.${task}`)}</UnorderedListItem>
        ))}
      </UnorderedList>
      <Heading level={2}>{t("areaIntro.accessHeading")}</Heading>
      <Paragraph>{t(`${key}.access`)}</Paragraph>
    </>
  );
}
