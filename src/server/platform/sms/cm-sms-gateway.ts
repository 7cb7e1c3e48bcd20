import { z } from "zod";
import { type OutgoingSms, type SmsGateway, SmsRejectedError } from "./sms-gateway.ts";

export interface CmGatewayOptions {
  /** CM.com Business Messaging endpoint, e.g. https://gw.messaging.cm.com/v1.0/message */
  url: string;
  productToken: string;
  /** Sender name (at most 11 characters) or number. */
  sender: string;
  timeoutMs?: number;
}

const responseSchema = z.object({
  errorCode: z.number(),
  details: z.string().optional(),
  messages: z
    .array(
      z.object({
        status: z.string(),
        messageErrorCode: z.number().nullable().optional(),
        messageDetails: z.string().nullable().optional(),
      }),
    )
    .optional(),
});

/**
 * CM.com, a Dutch SMS provider, through its JSON messaging API. A 4xx answer or a non-zero
 * error code in the body means CM refused the message (bad token, number or content): that is
 * final. A 5xx or 429 answer, a time-out or a lost connection is worth retrying.
 */
export function createCmSmsGateway(options: CmGatewayOptions): SmsGateway {
  return {
    name: "cm",
    async send(sms: OutgoingSms) {
      const response = await fetch(options.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({
          messages: {
            authentication: { producttoken: options.productToken },
            msg: [
              {
                from: options.sender,
                to: [{ number: `00${sms.to.slice(1)}` }],
                body: { type: "auto", content: sms.text },
                // CM takes 1 to 32 alphanumeric characters: our UUID without its hyphens.
                reference: sms.reference.replaceAll("-", ""),
                // Long texts are split into at most this many concatenated parts.
                minimumNumberOfMessageParts: 1,
                maximumNumberOfMessageParts: 3,
              },
            ],
          },
        }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
      const parsed = responseSchema.safeParse(await response.json().catch(() => undefined));
      // 429: CM asks us to slow down, not to give up.
      if (response.status >= 500 || response.status === 429 || !parsed.success) {
        throw new Error(`CM gateway answered HTTP ${response.status}`);
      }
      const refusal = parsed.data.messages?.find((message) => message.status !== "Accepted");
      if (response.status >= 400 || parsed.data.errorCode !== 0 || refusal) {
        throw new SmsRejectedError(
          `CM refused the message (error ${parsed.data.errorCode}): ${
            refusal?.messageDetails ?? parsed.data.details ?? `HTTP ${response.status}`
          }`,
        );
      }
    },
  };
}
