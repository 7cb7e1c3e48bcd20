import { useTranslation } from "react-i18next";
import type { Checklist } from "#src/contracts/eherkenning/review-checklist.ts";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { UnorderedList, UnorderedListItem } from "#src/web/ui/components/UnorderedList.tsx";

/** The reviewer's checklist: each item met or not, with what is missing. */
export function ChecklistSection({ checklist }: { checklist: Checklist }) {
  const { t } = useTranslation();
  return (
    <section className="poort-section" aria-labelledby="checklist-heading">
      <Heading level={2} id="checklist-heading">
        {t("ehReview.checklist.heading")}
      </Heading>
      <UnorderedList>
        {checklist.items.map((item) => (
          <UnorderedListItem key={item.key}>
            <strong>{t(`ehReview.checklist.items.${item.key}`)}</strong>
            {": "}
            {item.met ? t("ehReview.checklist.met") : t("ehReview.checklist.notMet")}
            {item.problems.length > 0 && (
              <UnorderedList>
                {item.problems.map((problem) => (
                  <UnorderedListItem key={`${problem.code}-${problem.subject ?? ""}`}>
                    {t(`ehReview.checklist.problems.${problem.code}`, {
                      subject: problem.subject ?? "",
                    })}
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            )}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </section>
  );
}
