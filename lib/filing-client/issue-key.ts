/**
 * Key of a soft warning's explanation: `${ruleId}:${primaryCell}`. One implementation, in the format engine,
 * shared by the form and the server, so a rule firing on the same cell again after an edit keeps the
 * explanation the clerk already wrote.
 */
export { issueKey } from "@/lib/format";
