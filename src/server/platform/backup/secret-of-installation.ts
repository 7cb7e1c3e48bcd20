import { readFile } from "node:fs/promises";
import path from "node:path";
import { FileKeyring } from "../blobs/file-keys.ts";
import { loadSecretKey } from "../security/secret-box.ts";
import { BackupRefused, SECRET_KEY_FILE } from "./backup-manifest.ts";

/**
 * The secret of an embedded installation: SECRET_KEY when it runs with one, otherwise the
 * content of the key file it generated in DATA_DIR at its first start (`loadSecretKey`).
 */
export async function secretOfInstallation(config: {
  secretKey: string | undefined;
  dataDir: string;
}): Promise<string> {
  if (config.secretKey !== undefined) return config.secretKey;
  const file = path.join(config.dataDir, SECRET_KEY_FILE);
  const stored = await readFile(file, "utf8").catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  });
  if (stored === undefined) {
    throw new BackupRefused(
      `${file} is missing and SECRET_KEY is unset: without its secret the installation's sealed data cannot be opened.`,
    );
  }
  return stored.trim();
}

/**
 * The id of the file key a secret gives: a hash of a key derived from it, which names the
 * secret without giving it away (the key records of stored files carry the same ids).
 */
export async function fileKeyIdOf(secret: string): Promise<string> {
  const key = await loadSecretKey({ secretKey: secret, dataDir: "" });
  return new FileKeyring({ current: key }).currentKeyId;
}
