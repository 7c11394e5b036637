import type { Issue } from "./types";

/** The key under which a clerk's explanation of a soft warning is stored (form and server use the same). */
export function issueKey(issue: Pick<Issue, "ruleId" | "primaryCell">): string {
  return `${issue.ruleId}:${issue.primaryCell}`;
}
