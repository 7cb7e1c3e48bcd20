import { readdirSync } from "node:fs";

/**
 * Runs every `*.bench.ts` in this folder (or those named on the command line), one by one;
 * `--profile` also profiles Poort while it is measured (cpu-profile.ts).
 */
const selected = process.argv.slice(2).filter((argument) => !argument.startsWith("--"));
const files = readdirSync(new URL(".", import.meta.url))
  .filter((file) => file.endsWith(".bench.ts"))
  .filter((file) => selected.length === 0 || selected.some((name) => file.includes(name)))
  .sort();

for (const file of files) {
  console.log(`\n# ${file}`);
  const bench = (await import(`./${file}`)) as { run(): Promise<void> };
  await bench.run();
}
