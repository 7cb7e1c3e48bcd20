import type { TFunction } from "i18next";
import type { OfficeMessage } from "#src/contracts/messages.ts";

/**
 * Where a message stands for the office: a client's is open or handled, the office's own is
 * sent or withdrawn.
 */
export function messageStateLabel(
  message: Pick<OfficeMessage, "sender" | "handled"> & { withdrawn?: OfficeMessage["withdrawn"] },
  t: TFunction,
): string {
  if (message.sender === "office") {
    return message.withdrawn
      ? t("office.messages.state.withdrawn")
      : t("office.messages.state.sent");
  }
  return message.handled ? t("office.messages.state.handled") : t("office.messages.state.open");
}
