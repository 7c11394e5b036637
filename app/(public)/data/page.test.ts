// The /data page lists every endpoint and every cell key of both formats, from the same data as the API.
import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { allCellDefs } from "@/lib/format";
import { ENDPOINTS } from "@/lib/api/endpoints";
import DataPage from "./page";

describe("/data", () => {
  const html = renderToStaticMarkup(createElement(DataPage));

  it("documents every endpoint with its path", () => {
    for (const ep of ENDPOINTS) expect(html).toContain(`GET /api/v1${ep.path}`);
    expect(html).toContain('href="/api/v1/openapi.json"');
  });

  it("has a row for every cell key of both formats, with its labels and unit", () => {
    for (const v of ["2019", "2021"] as const) {
      for (const def of allCellDefs(v)) {
        const section = html.slice(html.indexOf(`id="keys-${v}"`));
        const row = new RegExp(`<tr data-key="${def.key.replaceAll(".", "\\.")}"[^]*?</tr>`).exec(section)?.[0];
        expect(row, `${v} ${def.key}`).toBeDefined();
        expect(row).toContain(def.colLabel);
        if (def.rowLabel) expect(row).toContain(def.rowLabel);
        expect(row).toContain(`>${def.unit}<`);
      }
    }
  });
});
