import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../server/config.ts";
import { seedDemo } from "../server/demo/seed-demo.ts";
import { createLogger } from "../server/logger.ts";
import { openDatabase } from "../server/platform/db/database.ts";
import { migrateDatabase } from "../server/platform/db/migrate.ts";
import { createServices } from "../server/services.ts";

const usage = `Usage: poort <command>

Commands:
  migrate      apply the database migrations that have not run yet
  seed-demo    add the demo data (idempotent: only what is missing)

Options:
  -h, --help   show this help

Configuration comes from the environment (see README.md): DATABASE_URL, DATA_DIR, ...`;

const commands: Record<string, () => Promise<void>> = {
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
    const config = loadConfig();
    const services = await createServices(config, createLogger({ logLevel: "warn" }));
    try {
      const applied = await seedDemo(services);
      console.log(
        applied.length > 0
          ? `Demo data added: ${applied.join(", ")}.`
          : "Demo data was already complete.",
      );
    } finally {
      await services.close();
    }
  },
};

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h" } },
  });
  const [name] = positionals;
  if (values.help || !name) {
    console.log(usage);
    return values.help ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command: ${name}\n\n${usage}`);
    return 1;
  }
  await command();
  return 0;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
