import { z } from "zod";
import { loadConfig } from "../server/config.ts";
import { MoveRefused } from "../server/platform/move/installation-checks.ts";
import { moveInstallation } from "../server/platform/move/move-installation.ts";
import { CliError } from "./cli-error.ts";

/**
 * `poort move --from DATA_DIR`: moves the embedded installation in DATA_DIR to the server
 * installation the environment describes (DATABASE_URL, BLOB_STORE=s3 with S3_*, SECRET_KEY),
 * then prints the checksum report; any difference fails the command.
 */
export async function moveCommand(values: Readonly<Record<string, unknown>>): Promise<void> {
  const { from } = z
    .object({
      from: z.string({ error: "required: the DATA_DIR of the embedded installation" }).min(1),
    })
    .parse(values);
  const report = await moveInstallation({
    from,
    config: loadConfig(),
    say: (line) => console.log(line),
  }).catch((error: unknown) => {
    throw error instanceof MoveRefused ? new CliError(`Not moved: ${error.message}`) : error;
  });
  for (const line of report.lines) console.log(line);
  if (report.differences.length > 0) {
    throw new CliError(
      [
        "Differences between the installation and the target:",
        ...report.differences.map((difference) => `  ${difference}`),
        "Do not start Poort on the target. The embedded installation is as it was and can go on.",
      ].join("\n"),
    );
  }
  console.log("Nothing lost.");
}
