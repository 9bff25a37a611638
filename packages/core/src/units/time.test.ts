import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fromHours, normalizeTimeUnit, parseDuration, toHours } from "./time.ts";

describe("time", () => {
  it("converts s, min, h and d to hours", () => {
    assert.equal(toHours(3600, "s"), 1);
    assert.equal(toHours(90, "min"), 1.5);
    assert.equal(toHours(2, "h"), 2);
    assert.equal(toHours(5, "d"), 120);
    assert.equal(fromHours(120, "d"), 5);
    assert.equal(fromHours(1, "min"), 60);
  });
  it("parses the assay times of the documents", () => {
    assert.equal(parseDuration("120h"), 120);
    assert.equal(parseDuration("5 d"), 120);
    assert.equal(parseDuration("30 min"), 0.5);
    assert.equal(parseDuration("1 hour"), 1);
    assert.equal(parseDuration("2", { defaultUnit: "h" }), 2);
  });
  it("knows the aliases", () => {
    assert.equal(normalizeTimeUnit("Hours"), "h");
    assert.equal(normalizeTimeUnit("days"), "d");
    assert.equal(normalizeTimeUnit("fortnight"), undefined);
  });
  it("rejects zero (unless allowed), negative, unitless and unknown-unit durations", () => {
    assert.throws(() => parseDuration("0h", { field: "--time" }), /--time: duration must be positive/);
    assert.equal(parseDuration("0 h", { allowZero: true }), 0);
    assert.throws(() => parseDuration("-2h"), /must be positive/);
    assert.throws(() => parseDuration("12"), /has no unit/);
    assert.throws(() => parseDuration("12 weeks"), /unknown time unit 'weeks'.*s, min, h, d/);
    assert.throws(() => parseDuration("soon"), /not a duration/);
  });
});
