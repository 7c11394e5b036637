import { describe, it, expect } from "vitest";
import { csvField, csvLine } from "./csv";

describe("csv", () => {
  it("quotes separators, quotes and line breaks, and keeps blanks empty", () => {
    expect(csvLine(["a,b", 'say "hi"', "x\ny", null, 0, -3])).toBe('"a,b","say ""hi""","x\ny",,0,-3\r\n');
  });
  it("defuses text that a spreadsheet would run as a formula", () => {
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("-12.5")).toBe("-12.5");
  });
});
