import type { Locale } from "#src/contracts/locale.ts";
import type { MailContent } from "./mail-content.ts";

/**
 * A kind of mail: its name (recorded with every mail) and what it says in each language.
 * Modules declare their templates next to the code that sends them.
 */
export interface MailTemplate<Data> {
  name: string;
  compose: Record<Locale, (data: Data) => MailContent>;
}
