import { accountKindOfArea, type LoginArea } from "#src/contracts/accounts.ts";
import type { ActorType } from "#src/server/platform/audit/record-audit-event.ts";
import type { AccountKind } from "./repository.ts";

/** Each login area admits one kind of account, and its pages live under one path. */
export const areaOfKind: Record<AccountKind, LoginArea> = {
  client: "portal",
  staff: "office",
  platform: "servicedesk",
  means: "eherkenning",
  supplier: "eherkenning-beheer",
};

export const kindOfArea = accountKindOfArea;

/** Where each login area's web app lives, below the public address. */
const areaPath: Record<LoginArea, string> = {
  portal: "portal",
  office: "office",
  servicedesk: "servicedesk",
  eherkenning: "eherkenning",
  "eherkenning-beheer": "eherkenning/beheer",
};

/** The page in the account's area that a mailed link opens. */
export function areaLink(publicUrl: string, kind: AccountKind, page: string, token: string) {
  return `${publicUrl}/${areaPath[areaOfKind[kind]]}/${page}/${token}`;
}

/** How an account's own actions appear in the audit log. */
export const actorOfKind: Record<AccountKind, ActorType> = {
  client: "client",
  staff: "staff",
  platform: "platform-staff",
  means: "means-holder",
  supplier: "supplier-staff",
};
