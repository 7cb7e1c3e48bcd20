import { createContext, type ReactNode, useContext } from "react";
import type { LoginArea } from "#src/contracts/accounts.ts";

/** What differs between the login areas: the area the API is told, and where a login leads. */
export interface AccountArea {
  area: LoginArea;
  /** Where a completed login leads when no other page was asked for. */
  homePath: string;
}

const AccountAreaContext = createContext<AccountArea | undefined>(undefined);

/** Tells the shared account pages below it which login area they serve. */
export function AccountAreaProvider({
  value,
  children,
}: {
  value: AccountArea;
  children: ReactNode;
}) {
  return <AccountAreaContext value={value}>{children}</AccountAreaContext>;
}

export function useAccountArea(): AccountArea {
  const value = useContext(AccountAreaContext);
  if (!value) throw new Error("useAccountArea needs an AccountAreaProvider");
  return value;
}

/** The key of a text that names the audience, e.g. `account.audience.office.loginIntro`. */
export function audienceKey(area: LoginArea, text: string): string {
  return `account.audience.${area}.${text}`;
}
