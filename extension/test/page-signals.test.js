import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sanitizeSignals } from "../common/page-signals.js";

describe("sanitizeSignals", () => {
  it("Keeps_well_formed_signals", () => {
    const signals = sanitizeSignals(
      { topFrame: true, hasPasswordField: true, formActionOrigin: "https://mychart.ucsf.edu", brandWords: ["MyChart"] },
      { frameId: 0 },
    );
    assert.deepEqual(signals, {
      topFrame: true,
      hasPasswordField: true,
      formActionOrigin: "https://mychart.ucsf.edu",
      brandWords: ["MyChart"],
    });
  });

  it("Fields_no_verdict_uses_are_not_passed_on", () => {
    assert.equal("hasRememberMe" in sanitizeSignals({ hasRememberMe: true }, { frameId: 0 }), false);
  });

  it("Top_frame_comes_from_the_browser_not_the_page", () => {
    assert.equal(sanitizeSignals({ topFrame: true }, { frameId: 3 }).topFrame, false);
  });

  it("Form_action_is_cut_to_its_origin_so_no_path_or_query_leaves", () => {
    const signals = sanitizeSignals({ formActionOrigin: "https://evil.example/collect?patient=123" }, { frameId: 0 });
    assert.equal(signals.formActionOrigin, "https://evil.example");
  });

  it("Page_text_posing_as_brand_words_is_dropped", () => {
    const signals = sanitizeSignals({ brandWords: ["MyChart", "Jane Doe MRN 12345"] }, { frameId: 0 });
    assert.deepEqual(signals.brandWords, ["MyChart"]);
  });

  it("Wrong_types_become_safe_defaults", () => {
    assert.deepEqual(sanitizeSignals("junk", undefined), {
      topFrame: false,
      hasPasswordField: false,
      formActionOrigin: null,
      brandWords: [],
    });
    assert.equal(sanitizeSignals({ hasPasswordField: "yes" }, { frameId: 0 }).hasPasswordField, false);
  });
});
