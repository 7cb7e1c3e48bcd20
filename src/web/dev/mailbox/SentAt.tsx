import { useTranslation } from "react-i18next";
import { formatDateTime } from "#src/web/ui/format.ts";

export function SentAt({ iso }: { iso: string }) {
  const { i18n } = useTranslation();
  return <time dateTime={iso}>{formatDateTime(iso, i18n.language)}</time>;
}
