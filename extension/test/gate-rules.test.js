// What the pre-login gate lets through, from its state alone.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { onTamperLimit, passwordHeld, submissionAllowed, TAMPER_LIMIT } from "../common/gate-rules.js";

const gate = (applies, level, proceeded = false) => ({ applies, level, proceeded });

describe("gate rules", () => {
  // [name, gate, submission allowed without asking, password held]
  const rows = [
    ["site the gate does not apply to", gate(false, null), true, false],
    ["verdict not back yet", gate(null, null), false, false],
    ["ok verdict", gate(true, "ok"), true, false],
    ["warning not decided", gate(true, "warn"), false, true],
    ["warning accepted", gate(true, "warn", true), true, false],
    ["block", gate(true, "block"), false, true],
    ["block the page claims was accepted", gate(true, "block", true), false, true],
  ];
  for (const [name, state, allowed, held] of rows) {
    const id = name.replaceAll(" ", "_");
    it(`Submission_on_${id}_is_${allowed ? "allowed" : "held"}`, () => assert.equal(submissionAllowed(state), allowed));
    it(`Password_on_${id}_is_${held ? "held" : "free"}`, () => assert.equal(passwordHeld(state), held));
  }

  it("A_page_that_keeps_undoing_a_block_is_left_and_a_warning_counts_as_not_now", () => {
    assert.equal(onTamperLimit("block"), "leave");
    assert.equal(onTamperLimit("warn"), "back");
    assert.ok(TAMPER_LIMIT >= 10);
  });
});
