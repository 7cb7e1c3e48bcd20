import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "#src/web/ui/api/session.tsx";
import { Alert } from "#src/web/ui/components/Alert.tsx";

/** The catalogue is the supplier's admins' only; others see why the page stays empty. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session } = useSession();
  if (session?.account?.role !== "admin") {
    return <Alert type="warning">{t("ehCatalogue.admin.noAccess")}</Alert>;
  }
  return <>{children}</>;
}
