export { initialsOf, INITIALS_OVERRIDES } from "./initials";
export {
  RegionIndex,
  buildRegionRows,
  expectedRegionCount,
  isPassThroughPrefecture,
  passThroughCodes,
  readRegionSource,
  type RegionRow,
} from "./source";
export { loadRegions, type LoadRegionsOptions, type LoadRegionsResult } from "./load";
export { bulkInsert, countRows, qualified, quoteIdent, utcTimestamp, type BulkColumn, type Queryable, type SqlTarget } from "./db";
