import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import type { MeansView } from "#src/contracts/eherkenning/means.ts";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { formatDate } from "#src/web/ui/format.ts";

type Facts = ComponentProps<typeof DataList>["items"];

/**
 * A means' level and when it was issued, then the rows the page adds: the holder sees its state,
 * the supplier also the holder's login.
 */
export function MeansFacts({
  means,
  more,
}: {
  means: Pick<MeansView, "level" | "issuedAt">;
  more: Facts;
}) {
  const { t, i18n } = useTranslation();
  return (
    <DataList
      items={[
        { key: "level", label: t("ehMeans.columns.level"), value: means.level },
        {
          key: "issued",
          label: t("ehMeans.issuedAt"),
          value: formatDate(means.issuedAt, i18n.language),
        },
        ...more,
      ]}
    />
  );
}
