import { useTranslation } from "react-i18next";
import type { SupplierRole } from "#src/contracts/accounts.ts";
import { AreaMenu, type MenuLink } from "../../ui/account/AreaMenu.tsx";
import { paths } from "../../ui/account/paths.ts";
import { useSession } from "../../ui/api/session.tsx";
import { beheerPaths } from "./paths.ts";

/**
 * The supplier back office's menu, by role: reviewers see the application queue and the means,
 * an admin also the catalogue and the IdP's SAML service providers, and a partner agent only the identifications.
 */
export function BeheerMenu() {
  const { t } = useTranslation();
  const role = useSession().session?.account?.role as SupplierRole | undefined;
  const links: MenuLink[] = [];
  if (role === "admin" || role === "reviewer") {
    links.push({ to: beheerPaths.applications, label: t("ehBeheer.menu.applications") });
    links.push({ to: beheerPaths.means, label: t("ehBeheer.menu.means") });
  }
  if (role === "partner-agent") {
    links.push({ to: beheerPaths.identifications, label: t("ehBeheer.menu.identifications") });
  }
  if (role === "admin") {
    links.push({ to: beheerPaths.catalogue, label: t("ehBeheer.menu.catalogue") });
    links.push({ to: beheerPaths.serviceProviders, label: t("ehBeheer.menu.serviceProviders") });
  }
  links.push({ to: paths.myDetails, label: t("account.myDetails.title") });
  return <AreaMenu links={links} />;
}
