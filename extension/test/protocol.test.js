import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readVerdict } from "../common/protocol.js";

describe("readVerdict", () => {
  it("Reads_level_and_reasons", () => {
    const verdict = readVerdict({ verdict: { level: "warn", reasons: [{ code: "vpn-off", severity: "warn", message: "m" }] } });
    assert.deepEqual(verdict, { level: "warn", reasons: [{ code: "vpn-off", severity: "warn", message: "m" }] });
  });

  it("Unknown_level_is_read_as_warn_never_ok", () => {
    assert.equal(readVerdict({ verdict: { level: "fine", reasons: [] } }).level, "warn");
  });

  it("Reply_without_verdict_has_none", () => {
    assert.equal(readVerdict({}), null);
    assert.equal(readVerdict(undefined), null);
  });

  it("Malformed_reasons_are_dropped_and_missing_fields_filled", () => {
    const verdict = readVerdict({ verdict: { level: "block", reasons: [null, 3, { message: "no code" }, { code: "not-https" }] } });
    assert.deepEqual(verdict.reasons, [{ code: "not-https", severity: "block", message: "" }]);
  });
});
