import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { classifyHostFailure, uncheckedVerdict } from "../common/guard-offline.js";

describe("classifyHostFailure", () => {
  const rows = [
    ["Specified native messaging host not found.", "not-installed"],
    ["No such native application com.portalguard.host", "not-installed"],
    ["Access to the specified native messaging host is forbidden.", "forbidden"],
    ["origin-not-allowed Native host has exited.", "forbidden"],
    ["Native host has exited.", "exited"],
    ["Error when communicating with the native messaging host.", "unknown"],
    [undefined, "unknown"],
  ];
  for (const [text, expected] of rows) {
    it(`${JSON.stringify(text)}_is_${expected}`, () => assert.equal(classifyHostFailure(text), expected));
  }
});

describe("uncheckedVerdict", () => {
  it("Unreachable_host_is_a_guard_offline_warning_never_ok", () => {
    const verdict = uncheckedVerdict({ code: "guard-offline" });
    assert.equal(verdict.level, "warn");
    assert.deepEqual(verdict.reasons.map((r) => r.code), ["guard-offline"]);
  });

  it("Host_error_reply_is_a_guard_error_warning", () => {
    assert.deepEqual(uncheckedVerdict({ code: "storage-unavailable" }).reasons.map((r) => r.code), ["guard-error"]);
  });

  it("Missing_error_counts_as_offline", () => {
    assert.equal(uncheckedVerdict(undefined).reasons[0].code, "guard-offline");
  });
});
