import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { buildApp } from "#src/server/app.ts";
import { loadConfig } from "#src/server/config.ts";
import { DEMO_PASSWORD, seedDemo } from "#src/server/demo/seed-demo.ts";
import { hashPassword, verifyPassword } from "#src/server/platform/security/password-hashing.ts";
import { createServices } from "#src/server/services.ts";
import { perSecond, printTable, ratio, time } from "./report.ts";

const LOGINS = 40;

/**
 * Password login through the whole HTTP stack (CSRF, rate limits, scrypt, session, audit), next
 * to scrypt verification alone in the same run: the difference is what Poort adds per login.
 */
export async function run(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "poort-bench-login-"));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" });
  const services = await createServices(config, pino({ level: "silent" }));
  await seedDemo(services);
  const app = await buildApp(services);
  try {
    const stored = await hashPassword(DEMO_PASSWORD);
    const verifyOnly = await time(async () => {
      for (let n = 0; n < LOGINS; n++) await verifyPassword(DEMO_PASSWORD, stored);
    });

    const session = await app.inject({ method: "GET", url: "/api/session" });
    const csrf = session.json().csrfToken as string;
    const cookie = session.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const logins = await time(async () => {
      for (let n = 0; n < LOGINS; n++) {
        const response = await app.inject({
          method: "POST",
          url: "/api/auth/login",
          // A different address each time: the per-address limit is not what is measured.
          remoteAddress: `10.0.${Math.floor(n / 250)}.${n % 250}`,
          headers: { "x-csrf-token": csrf, cookie },
          payload: { area: "portal", email: "jan.jansen@example.nl", password: DEMO_PASSWORD },
        });
        if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
      }
    });
    console.log(
      `${LOGINS} sequential logins on ${services.database.kind}; scrypt N=2^15, r=8, p=1.`,
    );
    printTable([
      {
        operation: "scrypt verify alone (baseline)",
        rate: perSecond(LOGINS, verifyOnly),
        "ms each": (verifyOnly / LOGINS).toFixed(1),
        vs: "1.00× baseline",
      },
      {
        operation: "POST /api/auth/login",
        rate: perSecond(LOGINS, logins),
        "ms each": (logins / LOGINS).toFixed(1),
        vs: ratio(LOGINS / logins, LOGINS / verifyOnly),
      },
    ]);
  } finally {
    await app.close();
    await services.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
