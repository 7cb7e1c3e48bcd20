/** What a delivery-status notification (RFC 3464) says about one of our mails. */
export interface DeliveryFailure {
  /** Our mail's id, from the Message-ID Poort gave it (`<id@domain>`). */
  mailId: string;
  recipient: string | undefined;
  diagnostic: string;
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/**
 * Reads a bounce as a receiving server sends it back: a multipart/report with a
 * message/delivery-status part (Action, Final-Recipient, Diagnostic-Code) and the returned
 * headers of the original, whose Message-ID names our mail. Only failures count; delays and
 * successes ("Action: delayed/delivered/relayed") are not bounces. Returns undefined for
 * anything else.
 */
export function readDeliveryFailure(raw: string, ourDomain: string): DeliveryFailure | undefined {
  const text = raw.replace(/\r\n/g, "\n");
  if (!/^Action:\s*failed\s*$/im.test(text)) return undefined;
  // The Message-ID of the returned original, after the report part: not the bounce's own.
  const returned = text.slice(
    text.search(/^Content-Type:\s*(text\/rfc822-headers|message\/rfc822)/im),
  );
  const escapedDomain = ourDomain.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const messageId = new RegExp(`^Message-ID:\\s*<(${UUID})@${escapedDomain}>`, "im").exec(
    returned,
  )?.[1];
  if (!messageId) return undefined;
  const recipient = /^Final-Recipient:\s*rfc822;\s*(\S+)\s*$/im.exec(text)?.[1];
  const diagnostic =
    /^Diagnostic-Code:\s*(?:smtp;\s*)?(.+(?:\n[ \t].+)*)$/im
      .exec(text)?.[1]
      ?.replace(/\n[ \t]+/g, " ") ??
    /^Status:\s*(\S+)/im.exec(text)?.[1] ??
    "failed";
  return { mailId: messageId.toLowerCase(), recipient, diagnostic: diagnostic.trim() };
}
