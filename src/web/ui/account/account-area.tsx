import { createContext, type ReactNode, useContext } from "react";
import type { LoginArea } from "#src/contracts/accounts.ts";

/**
 * What differs between the login areas: the area the API is told, where a login leads, and what
 * the area adds to the login page.
 */
export interface AccountArea {
  area: LoginArea;
  /** Where a completed login leads when no other page was asked for. */
  homePath: string;
  /** The area's own notice at the top of the login page, e.g. why another way in was refused. */
  loginNotice?: ReactNode;
  /** The area's own way in below the password form, e.g. the portal's eHerkenning login. */
  loginExtra?: ReactNode;
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
