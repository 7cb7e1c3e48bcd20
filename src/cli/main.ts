import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { officeScope } from "#src/server/access/tenant-scope.ts";
import {
  inviteClientSchema,
  inviteStaffSchema,
  supplierRoleSchema,
} from "../contracts/accounts.ts";
import { clockOffsetSchema } from "../contracts/dev-clock.ts";
import {
  createOfficeSchema,
  debtorNumberSchema,
  emailAddressSchema,
} from "../contracts/offices.ts";
import { ConfigError, loadConfig } from "../server/config.ts";
import { DEMO_PASSWORD, demoLogins, seedDemo } from "../server/demo/seed-demo.ts";
import { AppError } from "../server/errors.ts";
import { createLogger } from "../server/logger.ts";
import { accountsDeps } from "../server/modules/accounts/deps.ts";
import {
  inviteClient,
  invitePlatformStaff,
  inviteStaff,
  inviteSupplierStaff,
} from "../server/modules/accounts/invitations.ts";
import { findOfficeByDebtorNumber } from "../server/modules/offices/repository.ts";
import { createOffice } from "../server/modules/offices/service.ts";
import { catalogueDeps } from "../server/modules/service-catalogue/deps.ts";
import { registerOfficePortalServices } from "../server/modules/service-catalogue/office-portal-services.ts";
import { openDatabase } from "../server/platform/db/database.ts";
import { migrateDatabase } from "../server/platform/db/migrate.ts";
import { createServices, type Services } from "../server/services.ts";
import { verifyAudit } from "./audit-commands.ts";
import { backupCommand, restoreCommand } from "./backup-commands.ts";
import { CliError } from "./cli-error.ts";
import { rewrapFiles } from "./files-commands.ts";
import { listJobs, runJob } from "./jobs-commands.ts";
import { moveCommand } from "./move-command.ts";

const usage = `Usage: poort <command> [options]

Commands:
  migrate                      apply the database migrations that have not run yet
  seed-demo                    add the demo data (only what is missing) and print the demo logins
  office create                register an office
      --name NAME --debtor-number NUMBER --email ADDRESS
  staff invite                 invite office staff (mails an activation link)
      --office DEBTOR_NUMBER --name NAME --email ADDRESS --role admin|notary|handler|assistant
  client invite                create a client with its account (mails an activation link)
      --office DEBTOR_NUMBER --kind person|company --name NAME --email ADDRESS
      [--contact-name NAME] [--kvk NUMBER] [--mobile NUMBER] [--locale nl|en]
                               --kvk: a company's KvK number (8 digits), for eHerkenning login
  platform-staff invite        invite servicedesk or member administration staff
      --name NAME --email ADDRESS --role servicedesk|member-admin
  supplier-staff invite        invite eHerkenning back office staff (/eherkenning/beheer)
      --name NAME --email ADDRESS --role admin|reviewer|partner-agent [--locale nl|en]
  ca init                      create the root and issuing CA (or import CA_*_FILE) if there is none
  ca export-chain              print the issuing and root CA certificates (PEM)
  files rewrap                 re-wrap the stored files' data keys under the current SECRET_KEY,
                               after a change of secret (the old one in PREVIOUS_SECRET_KEYS)
  move --from DATA_DIR         move the embedded installation in DATA_DIR to PostgreSQL and S3: run
                               with the server's configuration (DATABASE_URL, BLOB_STORE=s3, S3_*,
                               SECRET_KEY); copies the database and files, prints a checksum report
  backup --to DIR              back up the embedded installation in DATA_DIR (database, files, CA,
                               secret key) into a new folder, with a manifest of checksums; a
                               running Poort writes it itself (see "Backup and restore" in README.md)
  restore --from DIR           restore a backup into DATA_DIR (verified first; the old DATA_DIR is
                               kept aside as DATA_DIR.before-restore-TIME); Poort must not run
  jobs list                    the scheduled jobs: cron, next run, last run; and the job handlers
  jobs run NAME                run one occurrence of a scheduled job now, as its schedule would
      [--clock-offset DURATION]  development only: first move Poort's clock this far ahead of
                               real time, e.g. 700d (days, h hours, m minutes); it only moves ahead
  audit verify                 recompute the audit log's hash chain; prints its head, or the first
      [--noted-head POSITION:HASH]  position where it is broken; with a head noted down earlier,
                               also checks that the chain still holds it

Options:
  -h, --help                   show this help

Configuration comes from the environment (see README.md): DATABASE_URL, DATA_DIR, ...
Mails are queued in the database; a running Poort delivers them. While a development Poort
runs on the embedded database, the jobs commands go through it (its /dev/jobs and /dev/clock).`;

const options = {
  help: { type: "boolean", short: "h" },
  name: { type: "string" },
  "debtor-number": { type: "string" },
  email: { type: "string" },
  office: { type: "string" },
  role: { type: "string" },
  kind: { type: "string" },
  "contact-name": { type: "string" },
  kvk: { type: "string" },
  mobile: { type: "string" },
  locale: { type: "string" },
  "clock-offset": { type: "string" },
  "noted-head": { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
} as const;

type Values = Record<string, string | boolean | undefined>;

async function withServices<T>(work: (services: Services) => Promise<T>): Promise<T> {
  const services = await createServices(loadConfig(), createLogger({ logLevel: "warn" }, "stderr"));
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}

async function officeIdOf(services: Services, debtorNumber: unknown): Promise<string> {
  const office = await findOfficeByDebtorNumber(
    services.database.db,
    debtorNumberSchema.parse(debtorNumber),
  );
  if (!office) throw new CliError(`No office with debtor number ${String(debtorNumber)}.`);
  return office.id;
}

const operator = { type: "operator" as const };

const commands: Record<string, (values: Values) => Promise<void>> = {
  async migrate() {
    const config = loadConfig();
    const database = await openDatabase({
      databaseUrl: config.databaseUrl,
      pgliteDir: path.join(config.dataDir, "pglite"),
    });
    try {
      await migrateDatabase(database);
      console.log(`Migrations applied (${database.kind}).`);
    } finally {
      await database.close();
    }
  },

  async "seed-demo"() {
    const applied = await withServices(seedDemo);
    console.log(
      applied.length > 0
        ? `Demo data added: ${applied.join(", ")}.`
        : "Demo data was already complete.",
    );
    console.log(`\nDemo logins (password ${DEMO_PASSWORD}):`);
    for (const login of demoLogins)
      console.log(`  ${login.area.padEnd(8)} ${login.email.padEnd(28)} ${login.who}`);
  },

  async "office create"(values) {
    const input = createOfficeSchema.parse({
      name: values.name,
      debtorNumber: values["debtor-number"],
      email: values.email,
    });
    const office = await withServices(async (services) => {
      const created = await createOffice(services.database.db, services.clock, input, operator);
      // Its client portal joins the eHerkenning catalogue now, not at the server's next start.
      await registerOfficePortalServices(catalogueDeps(services));
      return created;
    });
    console.log(`Office created: ${office.name} (${office.debtorNumber}), id ${office.id}.`);
  },

  async "staff invite"(values) {
    const input = inviteStaffSchema.parse({
      name: values.name,
      email: values.email,
      role: values.role,
      locale: values.locale,
    });
    await withServices(async (services) =>
      inviteStaff(
        accountsDeps(services),
        officeScope(await officeIdOf(services, values.office)),
        input,
        operator,
      ),
    );
    console.log(`Invitation queued for ${input.email}.`);
  },

  async "client invite"(values) {
    const input = inviteClientSchema.parse({
      kind: values.kind,
      name: values.name,
      contactName: values["contact-name"],
      kvkNumber: values.kvk,
      email: values.email,
      mobile: values.mobile,
      locale: values.locale,
    });
    await withServices(async (services) =>
      inviteClient(
        accountsDeps(services),
        officeScope(await officeIdOf(services, values.office)),
        input,
        operator,
      ),
    );
    console.log(`Invitation queued for ${input.email}.`);
  },

  async "platform-staff invite"(values) {
    const input = z
      .object({
        name: z.string().trim().min(2),
        email: emailAddressSchema,
        role: z.enum(["servicedesk", "member-admin"]),
        locale: z.enum(["nl", "en"]).default("nl"),
      })
      .parse({ name: values.name, email: values.email, role: values.role, locale: values.locale });
    await withServices((services) => invitePlatformStaff(accountsDeps(services), input));
    console.log(`Invitation queued for ${input.email}.`);
  },

  async "supplier-staff invite"(values) {
    const input = z
      .object({
        name: z.string().trim().min(2),
        email: emailAddressSchema,
        role: supplierRoleSchema,
        locale: z.enum(["nl", "en"]).default("nl"),
      })
      .parse({ name: values.name, email: values.email, role: values.role, locale: values.locale });
    await withServices((services) => inviteSupplierStaff(accountsDeps(services), input));
    console.log(`Invitation queued for ${input.email} (${input.role}).`);
  },

  async "ca init"() {
    const { created, chain } = await withServices(async (services) => {
      const existed = await services.authorities.exists();
      const authorities = await services.authorities.get();
      return { created: !existed, chain: authorities };
    });
    console.log(
      created ? "Certificate authority created." : "Certificate authority exists already.",
    );
    console.log(`  root:    ${chain.root.certificate.subject}`);
    console.log(`  issuing: ${chain.issuing.certificate.subject}`);
  },

  async "ca export-chain"() {
    const { root, issuing } = await withServices((services) => services.authorities.get());
    process.stdout.write(
      `${issuing.certificate.toString("pem")}\n${root.certificate.toString("pem")}\n`,
    );
  },

  "files rewrap": rewrapFiles,
  "jobs list": listJobs,
  move: moveCommand,
  backup: backupCommand,
  restore: restoreCommand,
  "audit verify": verifyAudit,
};

/** Commands with one operand after their name. */
const commandsWithOperand: Record<string, (values: Values, operand: string) => Promise<void>> = {
  async "jobs run"(values, name) {
    const options = z.object({ "clock-offset": clockOffsetSchema.optional() }).parse(values);
    await runJob(name, options["clock-offset"]);
  },
};

/** A refusal in words an operator can act on: which option is wrong, or what exists already. */
function explain(error: unknown): string {
  if (error instanceof z.ZodError) {
    return error.issues
      .map((issue) => `--${String(issue.path[0] ?? "?")}: ${issue.message}`)
      .join("\n");
  }
  if (error instanceof AppError) {
    return [
      error.message,
      ...error.details.map((detail) => `  ${detail.path}: ${detail.message}`),
    ].join("\n");
  }
  if (error instanceof ConfigError || error instanceof CliError) return error.message;
  return String(error instanceof Error ? (error.stack ?? error.message) : error);
}

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options });
  if (values.help || positionals.length === 0) {
    console.log(usage);
    return values.help ? 0 : 1;
  }
  const name = positionals.join(" ");
  const command = commands[name];
  const withOperand = commandsWithOperand[positionals.slice(0, -1).join(" ")];
  const operand = positionals.at(-1);
  if (command) {
    await command(values);
  } else if (withOperand && operand) {
    await withOperand(values, operand);
  } else {
    console.error(`Unknown command: ${name}\n\n${usage}`);
    return 1;
  }
  return 0;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(explain(error));
    process.exit(1);
  },
);
