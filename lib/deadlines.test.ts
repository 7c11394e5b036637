import { describe, it, expect } from "vitest";
import { deadlineFor, isOnTime } from "./deadlines";

describe("deadlines", () => {
  it("ends on 31 January (departments, townships) or 31 March (governments) of the next year, Shanghai time", () => {
    expect(deadlineFor("DEPARTMENT", 2024).toISOString()).toBe("2025-01-31T15:59:59.999Z");
    expect(deadlineFor("TOWNSHIP", 2024).toISOString()).toBe("2025-01-31T15:59:59.999Z");
    expect(deadlineFor("GOVERNMENT", 2024).toISOString()).toBe("2025-03-31T15:59:59.999Z");
  });
  it("lets an administrator's date move townships' deadline but not departments' or governments'", () => {
    const d = new Date("2025-02-15T15:59:59.999Z");
    expect(deadlineFor("TOWNSHIP", 2024, d)).toBe(d);
    expect(deadlineFor("DEPARTMENT", 2024, d).toISOString()).toBe("2025-01-31T15:59:59.999Z");
  });
  it("counts a report published at 23:59 Shanghai time on the last day as on time", () => {
    const deadline = deadlineFor("DEPARTMENT", 2024);
    expect(isOnTime(new Date("2025-01-31T23:59:00+08:00"), deadline)).toBe(true);
    expect(isOnTime(new Date("2025-02-01T00:00:00+08:00"), deadline)).toBe(false);
    expect(isOnTime(null, deadline)).toBe(false);
  });
});
