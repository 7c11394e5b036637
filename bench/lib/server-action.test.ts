import { describe, expect, it } from "vitest";
import { actionResult, encodeArgs, filingReportTree, flightRows } from "./server-action";

describe("flightRows", () => {
  it("reads JSON rows in any order and skips text rows whatever they hold", () => {
    const text = "第一行\n第二行：含冒号与换行\n";
    const body = Buffer.concat([
      Buffer.from(`2:"$Sreact.fragment"\n3:I[22016,["/_next/static/chunks/a.js"],"default"]\n`),
      Buffer.from(`4:T${Buffer.byteLength(text).toString(16)},`),
      Buffer.from(text),
      Buffer.from(`0:{"a":"$@1","q":"","i":false,"b":"build"}\n1:{"ok":true,"lockVersion":7,"savedAt":"2026-01-10T02:00:00.000Z"}\n`),
    ]);
    const rows = flightRows(body);
    expect(rows.get(2)).toBe("$Sreact.fragment");
    expect(rows.has(3)).toBe(false);
    expect(rows.has(4)).toBe(false);
    expect(actionResult(body)).toEqual({ ok: true, lockVersion: 7, savedAt: "2026-01-10T02:00:00.000Z" });
  });

  it("refuses a body that is not an action's answer", () => {
    expect(() => actionResult(Buffer.from("<!DOCTYPE html><html>"))).toThrow(/not a server action response/);
  });
});

describe("encodeArgs", () => {
  it("is JSON with React's escape of strings that start with $", () => {
    expect(encodeArgs([{ a: "$5", b: "x$", c: [1, null, "$"] }])).toBe('[{"a":"$$5","b":"x$","c":[1,null,"$$"]}]');
  });
});

describe("filingReportTree", () => {
  it("is the tree Chromium sent from the filing form of report 20001", () => {
    const recorded =
      "%5B%22%22%2C%7B%22children%22%3A%5B%22(filing)%22%2C%7B%22children%22%3A%5B%22filing%22%2C%7B%22children%22%3A%5B%22reports%22%2C%7B%22children%22%3A%5B%5B%22id%22%2C%2220001%22%2C%22d%22%2Cnull%5D%2C%7B%22children%22%3A%5B%22__PAGE__%22%2C%7B%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C16%5D";
    expect(filingReportTree(20001)).toBe(recorded);
  });
});
