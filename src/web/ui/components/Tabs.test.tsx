import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Tabs } from "./Tabs.tsx";

describe("Tabs", () => {
  const html = renderToStaticMarkup(
    <Tabs
      id="t"
      label="Inhoud"
      selected="b"
      onSelect={() => undefined}
      tabs={[
        { key: "a", label: "Eerste (1)", panel: <p>een</p> },
        { key: "b", label: "Tweede (2, 1 ongelezen)", panel: <p>twee</p> },
      ]}
    />,
  );

  it("marks the selected tab and makes it the only tab stop in the list", () => {
    expect(html).toContain('role="tablist" aria-label="Inhoud"');
    expect(html).toMatch(
      /id="t-tab-a" aria-selected="false" aria-controls="t-panel-a" tabindex="-1"/,
    );
    expect(html).toMatch(
      /id="t-tab-b" aria-selected="true" aria-controls="t-panel-b" tabindex="0"/,
    );
  });

  it("renders every panel but shows and fills only the selected one", () => {
    expect(html).toMatch(/id="t-panel-a" aria-labelledby="t-tab-a" tabindex="0" hidden=""/);
    expect(html).not.toContain("een");
    expect(html).toContain("<p>twee</p>");
  });
});
