import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadRegions } from "../regions/load";
import { buildRegionRows } from "../regions/source";
import { createPrivateSchema, type PrivateSchema } from "../regions/test-schema";
import { generateDemo, streamDemo, summarize } from "./generate";
import { loadSamples } from "./samples";
import { DemoWriter, existingDemoData, resetDemoData, writeDemo } from "./write";

/** A digest of what was written, ids included (audit event ids only when asked). */
async function snapshotOf(db: PrivateSchema, opts: { auditIds: boolean }) {
  const T = (name: string) => `"${db.schema}"."${name}"`;
  const q = (sql: string) => db.client.query(sql).then((r) => r.rows);
  return {
    agencies: await q(`SELECT id, name, kind, "regionCode", "parentId", initials, "createdAt" FROM ${T("Agency")} ORDER BY id`),
    reports: await q(`SELECT id, "agencyId", year, "formatVersion", scope, status, "publishedRevisionId", "firstPublishedAt" FROM ${T("Report")} ORDER BY id`),
    revisions: await q(`SELECT id, "reportId", number, state, reason, md5(s1_overall || s2_active || s3_requests || "s4_reviewLitigation" || s5_problems || s6_other) AS text, prefilled, "publishedAt" FROM ${T("ReportRevision")} ORDER BY id`),
    cells: await q(`SELECT count(*)::int AS n, md5(string_agg("revisionId" || ':' || key || '=' || coalesce(value::text, 'NULL'), ',' ORDER BY "revisionId", key)) AS h FROM ${T("Cell")}`),
    audit: opts.auditIds
      ? await q(`SELECT id, at, action, "reportId", "revisionId", detail FROM ${T("AuditEvent")} ORDER BY id`)
      : await q(`SELECT at, action, "reportId", "revisionId", detail FROM ${T("AuditEvent")} ORDER BY "reportId", at, action`),
  };
}

describe("writeDemo (database)", () => {
  let db: PrivateSchema;
  const samples = loadSamples();
  const ds = generateDemo({ agencies: 80, samples });
  const T = (name: string) => `"${db.schema}"."${name}"`;

  beforeAll(async () => {
    db = await createPrivateSchema(inject("databaseUrl"), "demo_test");
    // only the regions the data set needs (and their ancestors)
    const codes = [...new Set(ds.agencies.map((a) => a.regionCode))];
    await loadRegions(db.client, { schema: db.schema, rows: buildRegionRows({ only: codes }) });
  });
  afterAll(async () => {
    await db?.drop();
  });

  const snapshot = () => snapshotOf(db, { auditIds: true });

  it("writes agencies, reports, revisions, cells and audit events in bulk", { timeout: 120_000 }, async () => {
    const result = await writeDemo(db.client, ds, { schema: db.schema });
    const s = summarize(ds);
    expect(result).toMatchObject({ agencies: s.agencies, reports: s.reports, revisions: s.revisions, cells: s.cells, audit: s.audit });
    expect(await existingDemoData(db.client, { schema: db.schema })).toEqual({ agencies: s.agencies, reports: s.reports });
    const count = async (t: string) => Number((await db.client.query(`SELECT count(*) AS n FROM ${T(t)}`)).rows[0].n);
    expect(await count("ReportRevision")).toBe(s.revisions);
    expect(await count("Cell")).toBe(s.cells);
    expect(await count("AuditEvent")).toBe(s.audit);

    // every published pointer is a PUBLISHED revision of the same report; unpublished reports have none
    const pointers = await db.client.query(
      `SELECT r.status, r."publishedRevisionId", v.state, v."reportId" = r.id AS same, r."firstPublishedAt" IS NOT NULL AS first
         FROM ${T("Report")} r LEFT JOIN ${T("ReportRevision")} v ON v.id = r."publishedRevisionId"`,
    );
    for (const p of pointers.rows) {
      if (p.publishedRevisionId === null) {
        expect(p.status).not.toBe("PUBLISHED");
        expect(p.first).toBe(false);
      } else {
        expect(p).toMatchObject({ state: "PUBLISHED", same: true, first: true });
      }
    }

    // departments and townships point at their government
    const parents = await db.client.query(
      `SELECT a.kind, p.kind AS "parentKind" FROM ${T("Agency")} a LEFT JOIN ${T("Agency")} p ON p.id = a."parentId"`,
    );
    for (const row of parents.rows) expect(row.parentKind).toBe(row.kind === "GOVERNMENT" ? null : "GOVERNMENT");

    // the region statistics (kept by triggers, in this schema's own tables) count what was written
    const stats = await db.client.query(`SELECT code, agencies, published FROM ${T("RegionStat")} WHERE code IN ('22', '2208', '220802', '23') ORDER BY code`);
    const recount = await db.client.query(
      `SELECT p.code, count(DISTINCT a.id)::int AS agencies, count(r.id) FILTER (WHERE r."publishedRevisionId" IS NOT NULL)::int AS published
         FROM ${T("Agency")} a LEFT JOIN ${T("Report")} r ON r."agencyId" = a.id
         CROSS JOIN LATERAL (VALUES (left(a."regionCode", 2)), (left(a."regionCode", 4)), (left(a."regionCode", 6))) AS p(code)
        WHERE p.code IN ('22', '2208', '220802', '23') GROUP BY p.code ORDER BY p.code`,
    );
    expect(stats.rows).toEqual(recount.rows);
    expect(stats.rows.find((r) => r.code === "22")!.published).toBeGreaterThan(100);
  });

  it("stores the sample reports under their real agencies, exactly", async () => {
    const rows = await db.client.query(
      `SELECT a.name, a.kind, a."regionCode", r.year, r."formatVersion", r.scope, r.status, r."firstPublishedAt",
              v.s1_overall, c.key, c.value
         FROM ${T("Report")} r JOIN ${T("Agency")} a ON a.id = r."agencyId"
         JOIN ${T("ReportRevision")} v ON v.id = r."publishedRevisionId"
         JOIN ${T("Cell")} c ON c."revisionId" = v.id
        WHERE (a.name, r.year) IN (('白城市洮北区人民政府', 2020), ('大兴安岭地区行政公署', 2020), ('友谊县友谊镇人民政府', 2022))
          AND c.key IN ('active.art20_5.licensing.decisions', 'active.art20_9.centralProcurement.totalAmount', 'requests.newReceived.total')`,
    );
    const got = (name: string, key: string) => rows.rows.find((r) => r.name === name && r.key === key);
    expect(got("白城市洮北区人民政府", "active.art20_5.licensing.decisions")).toMatchObject({
      kind: "GOVERNMENT",
      regionCode: "220802",
      formatVersion: "2019",
      scope: "SUMMARY",
      status: "PUBLISHED",
      value: "37103.0000",
    });
    expect(got("白城市洮北区人民政府", "active.art20_5.licensing.decisions")!.s1_overall.startsWith("(一)加强权力配置信息公开方面")).toBe(true);
    expect(got("白城市洮北区人民政府", "active.art20_9.centralProcurement.totalAmount")!.value).toBe("31989283.0000");
    expect(got("大兴安岭地区行政公署", "active.art20_9.centralProcurement.totalAmount")!.value).toBe("345550000.0000");
    expect(got("大兴安岭地区行政公署", "requests.newReceived.total")).toMatchObject({ regionCode: "2327", value: "18.0000" });
    expect(got("友谊县友谊镇人民政府", "requests.newReceived.total")).toMatchObject({ kind: "TOWNSHIP", regionCode: "230522100", formatVersion: "2021", scope: "OWN" });
    // publication dates, Asia/Shanghai
    const published = (name: string) => got(name, "requests.newReceived.total")!.firstPublishedAt as Date;
    const shanghaiDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(shanghaiDay(published("白城市洮北区人民政府"))).toBe("2021-01-29");
    expect(shanghaiDay(published("大兴安岭地区行政公署"))).toBe("2021-03-26");
    expect(shanghaiDay(published("友谊县友谊镇人民政府"))).toBe("2023-01-20");
  });

  it("resets and writes the same rows again, ids included", { timeout: 120_000 }, async () => {
    const before = await snapshot();
    const reset = await resetDemoData(db.client, { schema: db.schema });
    expect(reset).toEqual({ reports: ds.reports.length, agencies: ds.agencies.length, keptAgencies: 0 });
    expect(await existingDemoData(db.client, { schema: db.schema })).toEqual({ agencies: 0, reports: 0 });
    const left = await db.client.query(`SELECT coalesce(sum(agencies), 0)::int AS a, coalesce(sum(published), 0)::int AS p, (SELECT count(*)::int FROM ${T("RegionYearStat")}) AS y FROM ${T("RegionStat")}`);
    expect(left.rows[0]).toEqual({ a: 0, p: 0, y: 0 });
    await writeDemo(db.client, generateDemo({ agencies: 80, samples }), { schema: db.schema, skipCellForeignKeyCheck: false });
    expect(await snapshot()).toEqual(before);
  });
});

describe("DemoWriter: a streamed data set written chunk by chunk (scripts/bench-data.ts)", () => {
  let db: PrivateSchema;
  const items = [...streamDemo({ reports: 240, samples: loadSamples() })];

  beforeAll(async () => {
    db = await createPrivateSchema(inject("databaseUrl"), "demo_chunks");
    const codes = [...new Set(items.map((i) => i.agency.regionCode))];
    await loadRegions(db.client, { schema: db.schema, rows: buildRegionRows({ only: codes }) });
  });
  afterAll(async () => {
    await db?.drop();
  });

  // audit ids follow time order within a transaction only, so the events themselves are compared
  const snapshot = () => snapshotOf(db, { auditIds: false });

  it("writes the same rows as one writeDemo, with departments in a later chunk than their government", { timeout: 120_000 }, async () => {
    const writer = new DemoWriter(db.client, { schema: db.schema });
    const chunks = [items.slice(0, 3), items.slice(3, 20), items.slice(20)];
    expect(chunks[1]!.some((i) => i.agency.parentKey === items[0]!.agency.key)).toBe(true);
    for (const chunk of chunks) {
      await db.client.query("BEGIN");
      await writer.writeAgencies(chunk.map((i) => i.agency));
      await writer.writeReports(chunk.flatMap((i) => i.reports));
      await db.client.query("COMMIT");
    }
    const reports = items.flatMap((i) => i.reports);
    expect(writer.result()).toMatchObject({ agencies: items.length, reports: 240, revisions: reports.reduce((s, r) => s + r.revisions.length, 0) });
    const chunked = await snapshot();
    expect(chunked.reports).toHaveLength(240);

    await resetDemoData(db.client, { schema: db.schema });
    await writeDemo(db.client, { seed: 0, asOf: new Date(), agencies: items.map((i) => i.agency), reports }, { schema: db.schema });
    expect(await snapshot()).toEqual(chunked);
  });
});
