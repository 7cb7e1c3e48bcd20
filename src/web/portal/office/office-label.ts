import type { TFunction } from "i18next";
import type { ClientOffice } from "#src/contracts/accounts.ts";

/**
 * How the portal names one office a login acts for: the office, and for a company the company
 * there ("Bakkerij Bol B.V. bij Notariskantoor De Vries & Partners"), so two places of one
 * person at one office never read alike.
 */
export function officeLabel(t: TFunction, office: ClientOffice): string {
  return office.clientKind === "company"
    ? t("portal.offices.forCompany", { company: office.clientName, office: office.officeName })
    : office.officeName;
}
