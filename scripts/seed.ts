// Seeds the database with the region tree, the three sample reports and generated demo agencies and reports.
//   seed [--agencies N] [--reset] [--seed S] [--no-check]
// Regions are loaded when absent (idempotent). Demo data is written only into a database without agencies or reports,
// unless --reset, which first removes every report and every agency no user account points at. The data is
// generated from a fixed seed: two runs on empty databases write identical rows (ids included).
// Uses DATABASE_URL (or the running embedded database): run it through scripts/with-db.ts.
import pg from "pg";
import { describeUrl, requireDatabaseUrl } from "../lib/db/url";
import { generateDemo, summarize } from "../lib/demo/generate";
import { loadSamples } from "../lib/demo/samples";
import { writeDemo } from "../lib/demo/write";
import { parseSeedArgs, SEED_USAGE } from "./seed/args";
import { prepareForDemoData } from "./seed/prepare";

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const args = parseSeedArgs(process.argv.slice(2));
  if (args.help) {
    console.log(SEED_USAGE);
    return;
  }
  const url = requireDatabaseUrl();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  try {
    console.log(`Seeding ${describeUrl(url)}`);

    if (!(await prepareForDemoData(client, args.reset))) return;

    let t = performance.now();
    const samples = loadSamples();
    const ds = generateDemo({ agencies: args.agencies, seed: args.seed, samples, check: args.check });
    const s = summarize(ds);
    console.log(
      `Generated (seed ${ds.seed}${args.check ? ", every revision validated" : ""}): ${s.agencies} agencies, ${s.reports} reports ` +
        `(${Object.entries(s.byStatus).map(([k, n]) => `${n} ${k}`).join(", ")}; ${samples.length} of them the sample reports), ` +
        `${s.revisions} revisions, ${s.cells} cells, ${s.audit} audit events in ${secs(performance.now() - t)}.`,
    );

    t = performance.now();
    const w = await writeDemo(client, ds);
    console.log(
      `Written in ${secs(performance.now() - t)} (` + Object.entries(w.ms).map(([k, ms]) => `${k} ${secs(ms)}`).join(", ") + ").",
    );
    console.log(`Done in ${secs(performance.now() - started)}.`);
  } finally {
    await client.end();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

