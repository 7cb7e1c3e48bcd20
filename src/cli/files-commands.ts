import { loadConfig } from "../server/config.ts";
import {
  FILE_NAMESPACES,
  fileKeyringOf,
  objectStoreOf,
} from "../server/platform/blobs/file-storage.ts";
import { rewrapFileKeys } from "../server/platform/blobs/rewrap-file-keys.ts";
import { CliError } from "./cli-error.ts";

/**
 * `poort files rewrap`: after a new SECRET_KEY, with the old one in PREVIOUS_SECRET_KEYS, the
 * files' data keys move to the new secret; afterwards the old one can be dropped. The files
 * themselves are not touched, and Poort may keep running meanwhile.
 */
export async function rewrapFiles(): Promise<void> {
  const config = loadConfig();
  const keyring = await fileKeyringOf(config);
  const outcome = await rewrapFileKeys(objectStoreOf(config), keyring, FILE_NAMESPACES);
  console.log(
    `Data keys re-wrapped under key ${keyring.currentKeyId}: ${outcome.rewrapped}; ` +
      `under it already: ${outcome.alreadyCurrent}.`,
  );
  if (outcome.unreadable > 0) {
    const unknown =
      outcome.unknownKeyIds.length > 0
        ? ` They name keys no configured secret gives (${outcome.unknownKeyIds.join(", ")}): add the secret they were wrapped under to PREVIOUS_SECRET_KEYS and run this again.`
        : "";
    throw new CliError(
      `${outcome.unreadable} data keys cannot be unwrapped, so their files cannot be opened; they stay as they were.${unknown}`,
    );
  }
  console.log("No file needs a previous secret any more: PREVIOUS_SECRET_KEYS can be emptied.");
}
