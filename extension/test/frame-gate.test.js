// The pre-login gate inside frames, its pure parts: which frames the frame guard leaves to the top frame's script, and
// what the worker sends the host and answers the frame.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { frameOrigins, frameSignals, gateReply } from "../background/frame-gate.js";
import { followedFromTop } from "../common/frame-gate.js";

/** A chain of windows, top first, each given by its origin; a window of another origin than the asking one throws, as in a browser. */
function windows(...origins) {
  const chain = [];
  for (const origin of origins) {
    const win = { origin };
    win.parent = chain.at(-1) ?? win;
    chain.push(win);
  }
  for (const win of chain) win.top = chain[0];
  const asker = chain.at(-1);
  for (const win of chain) {
    Object.defineProperty(win, "location", {
      get() {
        if (win !== asker && win.origin !== asker.origin) return { get origin() { throw new Error("SecurityError: cross-origin"); } };
        return { origin: win.origin };
      },
    });
  }
  return asker;
}

describe("which frames the frame guard leaves to the top frame's script", () => {
  // [name, windows top first, followed from the top]
  const rows = [
    ["same origin frame", ["https://a.example", "https://a.example"], true],
    ["same origin frame in a same origin frame", ["https://a.example", "https://a.example", "https://a.example"], true],
    ["cross origin frame", ["https://a.example", "https://b.example"], false],
    ["same origin frame inside a cross origin frame", ["https://a.example", "https://b.example", "https://a.example"], false],
    ["frame on another port", ["https://a.example", "https://a.example:8443"], false],
    ["sandboxed frame (opaque origin)", ["https://a.example", "null"], false],
  ];
  for (const [name, chain, followed] of rows) {
    it(`${name.replaceAll(" ", "_")}_is_${followed ? "the_top_scripts" : "the_frame_guards"}`, () => {
      assert.equal(followedFromTop(windows(...chain)), followed);
    });
  }

  it("A_window_that_throws_on_every_access_is_the_frame_guards", () => {
    const hostile = { get location() { throw new Error("no"); } };
    assert.equal(followedFromTop(hostile), false);
  });
});

describe("what the worker knows of a frame", () => {
  const sender = (fields) => ({ id: "ext", tab: { id: 3, url: "https://mychart-ucsf.edu.login-check.net/MyChart/Login?mrn=1" }, ...fields });

  it("Takes_both_origins_from_the_browsers_record_and_never_a_path", () => {
    const origins = frameOrigins(sender({ frameId: 7, origin: "https://signin.partner.example", url: "https://signin.partner.example/sso?user=jane" }));
    assert.deepEqual(origins, { origin: "https://signin.partner.example", topOrigin: "https://mychart-ucsf.edu.login-check.net" });
  });

  it("Reads_the_frames_url_when_the_browser_gives_no_origin", () => {
    assert.equal(frameOrigins(sender({ frameId: 7, url: "https://b.example:8443/x" }))?.origin, "https://b.example:8443");
  });

  for (const [name, fields] of [
    ["top_frame", { frameId: 0, url: "https://b.example/" }],
    ["no_frame_id", { url: "https://b.example/" }],
    ["frame_not_on_the_web", { frameId: 2, origin: "null", url: "about:blank" }],
  ]) {
    it(`Knows_no_frame_for_a_${name}`, () => assert.equal(frameOrigins(sender(fields)), null));
  }

  it("Knows_no_frame_in_a_tab_that_is_not_a_web_page", () => {
    assert.equal(frameOrigins({ frameId: 2, url: "https://b.example/", tab: { id: 1, url: "chrome://newtab/" } }), null);
  });

  it("Signals_a_frame_with_a_password_its_forms_target_and_the_top_origin_and_nothing_the_page_claims_beyond", () => {
    const raw = { topFrame: true, hasPasswordField: false, hasRememberMe: true, formActionOrigin: "https://evil.example/steal?x=1", brandWords: ["mychart"], title: "Jane Doe" };
    assert.deepEqual(frameSignals(raw, { frameId: 4 }, "https://news.example"), {
      topFrame: false,
      hasPasswordField: true,
      formActionOrigin: "https://evil.example",
      brandWords: [],
      topOrigin: "https://news.example",
    });
  });
});

describe("the answer to a gate request", () => {
  const overlay = { level: "warn", title: "Wait" };
  // [name, record, answer]
  const rows = [
    ["ok verdict", { level: "ok", codes: [], overlay: null }, { overlay: null, level: "ok" }],
    ["warning", { level: "warn", codes: ["vpn-off"], overlay }, { overlay, level: "warn" }],
    ["accepted warning", { level: "warn", codes: ["vpn-off"], overlay, proceeded: true }, { overlay: null, level: "warn", proceeded: true }],
    ["block the page claims was accepted", { level: "block", codes: ["framed-by-lookalike"], overlay, proceeded: true }, { overlay, level: "block" }],
    ["guard offline without brand words", { level: "warn", codes: ["guard-offline"], overlay, brandWords: [] }, { overlay: null, level: "warn" }],
  ];
  for (const [name, record, answer] of rows) {
    it(`Answers_a_${name.replaceAll(" ", "_")}`, () => assert.deepEqual(gateReply(record), answer));
  }
});
