import { createHmac, randomBytes } from "node:crypto";

/**
 * Webhook signatures in the style of the Standard Webhooks spec (standardwebhooks.com): the
 * secret is `whsec_` and the base64 of 32 random bytes, the key is those bytes, and the
 * signature covers `{webhook-id}.{webhook-timestamp}.{body}`, so neither the body nor the
 * moment can be replayed with another.
 */
const SECRET_PREFIX = "whsec_";

export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString("base64")}`;
}

/** `v1,<base64 HMAC-SHA256>` under one secret. */
export function webhookSignature(
  secret: string,
  message: { id: string; timestamp: number; body: string },
): string {
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), "base64");
  const mac = createHmac("sha256", key)
    .update(`${message.id}.${message.timestamp}.${message.body}`, "utf8")
    .digest("base64");
  return `v1,${mac}`;
}

/** The `webhook-signature` header: one signature per secret that counts, space-separated. */
export function webhookSignatureHeader(
  secrets: string[],
  message: { id: string; timestamp: number; body: string },
): string {
  return secrets.map((secret) => webhookSignature(secret, message)).join(" ");
}
