import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import viteConfig from "../../vite.config.ts";

const webRoot = import.meta.dirname;

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path, pattern);
    return pattern.test(entry.name) ? [path] : [];
  });
}

const htmlEntries = files(webRoot, /^index\.html$/);

describe("HTML entries", () => {
  it("are all built", () => {
    const input = viteConfig.build?.rollupOptions?.input as Record<string, string>;
    expect(Object.values(input).sort()).toEqual([...htmlEntries].sort());
    expect(htmlEntries).toHaveLength(8);
  });

  it.each(htmlEntries.map((file) => [relative(webRoot, file), readFileSync(file, "utf8")]))(
    "%s has the basics and nothing the CSP would block",
    (_name, html) => {
      expect(html).toMatch(/<html lang="nl"/);
      expect(html).toContain('<meta charset="utf-8" />');
      expect(html).toMatch(/<meta name="viewport" content="width=device-width, initial-scale=1"/);
      expect(html).toMatch(/<title>[^<]*Poort<\/title>/);
      expect(html).toMatch(/<noscript>[\s\S]+<\/noscript>/);
      expect(html).toContain('<div id="root"></div>');
      // script-src 'self' and style-src 'self': no inline code or styles.
      for (const script of html.match(/<script[^>]*>[\s\S]*?<\/script>/g) ?? []) {
        expect(script).toMatch(/^<script type="module" src="\/[^"]+"><\/script>$/);
      }
      expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    },
  );
});

describe("web source", () => {
  it("sets no inline styles and injects no HTML (blocked or unsafe under our CSP)", () => {
    for (const file of files(webRoot, /\.tsx$/)) {
      const source = readFileSync(file, "utf8");
      expect(source, file).not.toMatch(/\bstyle=\{|dangerouslySetInnerHTML/);
    }
  });

  it("never imports the server", () => {
    for (const file of files(webRoot, /\.tsx?$/)) {
      expect(readFileSync(file, "utf8"), file).not.toMatch(/from "[./]*\/server\//);
    }
  });
});
