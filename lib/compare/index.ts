/**
 * Public comparisons (pure: no database, React or Next.js): the main figures and rates on the safe cross-version
 * mappings, an agency's years, a region's agencies, reports side by side. See figures.ts.
 */
export * from "./figures";
export * from "./series-rows";
export * from "./agency-years";
export * from "./region";
export * from "./side-by-side";
export * from "./display";
