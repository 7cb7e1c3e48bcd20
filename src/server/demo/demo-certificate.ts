import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { certificatesDeps } from "../modules/certificates/deps.ts";
import { issueCertificate } from "../modules/certificates/issue-certificate.ts";
import { findOfficeByDebtorNumber } from "../modules/offices/repository.ts";
import type { Database } from "../platform/db/database.ts";
import type { Services } from "../services.ts";

/** Where the demo office's certificate and its password are written (see the README). */
export function demoCertificateFolder(dataDir: string): string {
  return path.join(dataDir, "demo-certificate");
}

/**
 * Gives De Vries & Partners an office certificate and writes its PKCS#12, its password and the
 * CA chain into DATA_DIR/demo-certificate, so the self-service can be tried with curl or a
 * browser at once.
 */
export async function seedDemoCertificate(db: Database, services: Services): Promise<void> {
  const office = await findOfficeByDebtorNumber(db, "101234");
  if (!office) throw new Error("the demo office 101234 is missing");
  const deps = { ...certificatesDeps(services), db };
  const issued = await issueCertificate(deps, db, {
    office,
    sentTo: office.email,
    via: "operator",
    actor: { type: "operator" },
  });
  const { root, issuing } = await services.authorities.get();
  const folder = demoCertificateFolder(services.config.dataDir);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, "devriespartners.p12"), issued.pkcs12, { mode: 0o600 });
  await writeFile(path.join(folder, "password.txt"), `${issued.password}\n`, { mode: 0o600 });
  await writeFile(
    path.join(folder, "ca-chain.pem"),
    `${issuing.certificate.toString("pem")}\n${root.certificate.toString("pem")}\n`,
  );
}
