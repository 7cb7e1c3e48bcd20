import { createEmbeddedKvkRegister } from "./embedded-register.ts";
import { createKvkApiRegister } from "./kvk-api-register.ts";
import type { KvkRegister } from "./kvk-register.ts";

export interface KvkRegisterConfig {
  /** The KvK API key; without one, Poort uses its embedded test companies. */
  apiKey?: string;
  /** The API's base, e.g. https://api.kvk.nl/api. */
  apiUrl: string;
}

/** The real register once a key is configured, so development needs no KvK subscription. */
export function createKvkRegister(config: KvkRegisterConfig): KvkRegister {
  return config.apiKey
    ? createKvkApiRegister({ apiUrl: config.apiUrl, apiKey: config.apiKey })
    : createEmbeddedKvkRegister();
}
