// The pure modules behind the badge, the notification, the gate, the overlay, the settings and the popup's words.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BadgeColor, badgeFor } from "../common/badge.js";
import { buildOverlay } from "../common/overlay.js";
import { gateApplies, isPortalIdentity, isRealPortal, tabsToReassess, vpnDropped, vpnOffNotification } from "../common/portal-visit.js";
import { clearsOnIdle, idleDetectionSeconds } from "../common/idle.js";
import { allowedChange, effectiveSettings } from "../common/settings.js";
import { isSignOutLabel } from "../common/sign-out.js";
import { compatibilityLines, vpnText } from "../common/view-text.js";
import { localeLookup } from "../tools/test-helpers.js";

const en = localeLookup("en");
const es = localeLookup("es");
const reason = (code, severity = "warn", message = "") => ({ code, severity, message });

describe("badgeFor", () => {
  const rows = [
    ["ok", [], "OK", BadgeColor.ok],
    ["warn", [reason("vpn-off")], "WARN", BadgeColor.warn],
    ["block", [reason("lookalike-domain", "block")], "STOP", BadgeColor.block],
    ["warn", [reason("guard-offline")], "OFF", BadgeColor.offline],
    ["warn", [reason("guard-error")], "OFF", BadgeColor.offline],
  ];
  for (const [level, reasons, text, color] of rows) {
    it(`${level}_${reasons.map((r) => r.code).join("_") || "no_reason"}_shows_${text}`, () => {
      assert.deepEqual(badgeFor({ level, reasons }, en), { text, color });
    });
  }
  it("No_verdict_is_never_shown_as_ok", () => assert.equal(badgeFor(null, en).text, "OFF"));
  it("Every_badge_text_fits_in_four_characters_in_every_language", () => {
    for (const t of [en, es]) {
      for (const key of ["badge_ok", "badge_warn", "badge_block", "badge_offline"]) assert.ok(t(key).length <= 4, key);
    }
  });
});

describe("portal visits", () => {
  it("Known_vendor_pattern_and_lookalike_are_portal_business", () => {
    assert.deepEqual(["known", "vendorPattern", "lookalike", "unknown"].map((status) => isPortalIdentity({ status })), [true, true, true, false]);
  });
  it("A_lookalike_is_never_a_session_to_log_out_of", () => {
    assert.equal(isRealPortal({ status: "lookalike" }), false);
    assert.equal(isRealPortal({ status: "known" }), true);
  });

  const gateRows = [
    ["ok verdict", { level: "ok", codes: [] }, false],
    ["vpn-off warning", { level: "warn", codes: ["vpn-off"] }, true],
    ["lookalike block", { level: "block", codes: ["lookalike-domain"] }, true],
    ["offline, no brand", { level: "warn", codes: ["guard-offline"], brandWords: [] }, false],
    ["offline, MyChart brand", { level: "warn", codes: ["guard-offline"], brandWords: ["MyChart"] }, true],
    ["no tab", null, false],
  ];
  for (const [name, tab, expected] of gateRows) {
    it(`Gate_for_${name.replaceAll(/[ ,]+/gu, "_")}_is_${expected}`, () => assert.equal(gateApplies(tab), expected));
  }

  it("Vpn_off_visit_raises_the_notification_naming_the_portal", () => {
    const n = vpnOffNotification({ level: "warn", reasons: [reason("vpn-off")] }, "MyChart", en);
    assert.equal(n.title, "You opened MyChart without a VPN");
    assert.match(n.message, /Connect your VPN/u);
  });
  it("Vpn_off_notification_in_spanish", () => {
    assert.equal(vpnOffNotification({ level: "warn", reasons: [reason("vpn-off")] }, "MyChart", es).title, "Abrió MyChart sin VPN");
  });
  it("No_notification_without_vpn_off", () => {
    assert.equal(vpnOffNotification({ level: "block", reasons: [reason("lookalike-domain", "block")] }, "MyChart", en), null);
  });
});

describe("buildOverlay", () => {
  it("Warning_offers_continue_anyway_and_go_back", () => {
    const overlay = buildOverlay({ level: "warn", reasons: [reason("vpn-off")] }, { portalName: "Epic MyChart" }, en);
    assert.equal(overlay.level, "warn");
    assert.equal(overlay.continueLabel, "Continue anyway");
    assert.equal(overlay.backLabel, "Don’t sign in now");
    assert.match(overlay.lines[0].text, /^You opened Epic MyChart without a VPN\./u);
  });
  it("Block_offers_only_go_back", () => {
    const overlay = buildOverlay({ level: "block", reasons: [reason("lookalike-domain", "block")] }, { lookalikeOf: "mychart.ucsf.edu" }, en);
    assert.equal(overlay.continueLabel, null);
    assert.equal(overlay.backLabel, "Leave this page");
    assert.equal(overlay.title, "PortalGuard stopped this sign-in");
    assert.equal(overlay.lines[0].text, "This page is pretending to be mychart.ucsf.edu. Do not type your password here.");
  });
  const blockCodes = ["not-https", "credentials-cross-site", "certificate-invalid", "framed-by-lookalike"];
  for (const code of blockCodes) {
    it(`Block_reason_${code}_has_its_own_words_in_english_and_spanish`, () => {
      for (const t of [en, es]) {
        const overlay = buildOverlay({ level: "block", reasons: [reason(code, "block", "HOST SENTENCE")] }, { portalName: "MyChart" }, t);
        assert.notEqual(overlay.lines[0].text, "HOST SENTENCE");
      }
    });
  }
  it("A_code_without_words_falls_back_to_the_hosts_sentence", () => {
    const overlay = buildOverlay({ level: "warn", reasons: [reason("future-code", "warn", "Host says so.")] }, {}, es);
    assert.equal(overlay.lines[0].text, "Host says so.");
  });
  it("Spanish_overlay_buttons", () => {
    const overlay = buildOverlay({ level: "warn", reasons: [reason("vpn-off")] }, { portalName: "MyChart" }, es);
    assert.equal(overlay.continueLabel, "Continuar de todos modos");
  });
  it("Ok_has_no_overlay", () => assert.equal(buildOverlay({ level: "ok", reasons: [] }, {}, en), null));
});

describe("effectiveSettings", () => {
  it("Host_settings_apply_when_no_policy", () => {
    const s = effectiveSettings({ sharedDevice: true, requireVpn: false, idleTimeoutMinutes: 15 }, null);
    assert.deepEqual(s, { sharedDevice: true, requireVpn: false, idleTimeoutMinutes: 15, extraPortals: [], managed: [] });
  });
  it("Managed_policy_wins_and_is_marked_managed", () => {
    const s = effectiveSettings({ sharedDevice: false, requireVpn: false, idleTimeoutMinutes: 0 }, { sharedDevice: true, idleTimeoutMinutes: 10, extraPortals: ["MyChart.Clinic.example", "bad/host"] });
    assert.equal(s.sharedDevice, true);
    assert.equal(s.idleTimeoutMinutes, 10);
    assert.deepEqual(s.managed, ["sharedDevice", "idleTimeoutMinutes"]);
    assert.deepEqual(s.extraPortals, ["mychart.clinic.example"]);
  });
  it("Policy_values_of_the_wrong_type_are_ignored", () => {
    const s = effectiveSettings(null, { sharedDevice: "yes", idleTimeoutMinutes: 99999 });
    assert.deepEqual(s.managed, []);
  });
  it("A_change_to_a_managed_setting_is_dropped", () => {
    assert.deepEqual(allowedChange({ sharedDevice: false, requireVpn: true, idleTimeoutMinutes: -1 }, ["sharedDevice"]), { requireVpn: true });
  });
});

describe("isSignOutLabel", () => {
  for (const label of ["Log out", "Sign out", "Sign Off", "Logout", "Cerrar sesión", "Salir"]) {
    it(`${JSON.stringify(label)}_signs_out`, () => assert.equal(isSignOutLabel(label), true));
  }
  for (const label of ["Sign in", "Log in", "Outpatient records", ""]) {
    it(`${JSON.stringify(label)}_does_not_sign_out`, () => assert.equal(isSignOutLabel(label), false));
  }
});

describe("popup words", () => {
  it("Vpn_states_in_plain_words", () => {
    assert.deepEqual(["on", "off", "split", null].map((v) => vpnText(v, en)), ["VPN: on", "VPN: off", "VPN: on, but this site goes around it", "VPN: cannot tell"]);
  });
  it("Compatibility_lines_name_the_portal_notes_and_what_to_do", () => {
    const lines = compatibilityLines({ host: "mychart.ucsf.edu", status: "known", portal: { name: "Epic MyChart", vpnCompatibility: "yes", notes: "May require allow-listing.", twoFactor: "unknown" } }, en);
    assert.deepEqual(lines, [
      "Epic MyChart works over a VPN.",
      "May require allow-listing.",
      "What to do: choose a VPN server in your home country, and test signing in from home before you travel.",
    ]);
  });
  it("Every_catalog_compatibility_value_has_its_own_sentence", () => {
    const first = (value) => compatibilityLines({ host: "h.example", status: "known", portal: { name: "P", vpnCompatibility: value, notes: null, twoFactor: "unknown" } }, en)[0];
    assert.deepEqual(["yes", "usually", "sometimes", "no", "unknown"].map(first), [
      "P works over a VPN.",
      "P usually works over a VPN.",
      "P works over some VPNs but may block others.",
      "P often refuses sign-ins through a VPN.",
      "Nobody has confirmed whether P works over a VPN.",
    ]);
  });
  it("A_domain_not_in_the_catalog_is_named", () => {
    assert.deepEqual(compatibilityLines({ host: "example.org", status: "unknown", portal: null }, en), ["example.org is not in PortalGuard’s list of patient portals."]);
  });
});

describe("posture changes", () => {
  const rows = [
    ["on", "off", true],
    ["split", "off", true],
    [null, "off", true],
    ["off", "off", false],
    ["on", "on", false],
    ["off", "on", false],
  ];
  for (const [before, after, expected] of rows) {
    it(`Vpn_${before}_to_${after}_is_${expected ? "a_drop" : "no_drop"}`, () => {
      assert.equal(vpnDropped(before === null ? null : { vpn: before }, { vpn: after }), expected);
    });
  }
  it("Only_portal_lookalike_and_branded_tabs_are_reassessed", () => {
    const tabs = [
      [1, { identityStatus: "known", brandWords: [] }],
      [2, { identityStatus: "lookalike", brandWords: [] }],
      [3, { identityStatus: "unknown", brandWords: ["MyChart"] }],
      [4, { identityStatus: "unknown", brandWords: [] }],
      [5, { identityStatus: null, brandWords: [] }],
    ];
    assert.deepEqual(tabsToReassess(tabs), [1, 2, 3]);
  });
});

describe("idle timeout", () => {
  it("Minutes_become_the_detection_interval_with_chromiums_minimum", () => {
    assert.deepEqual([0, 1, 15, -3, 1.5].map(idleDetectionSeconds), [null, 60, 900, null, null]);
  });
  const rows = [
    ["idle", 15, 1, true],
    ["locked", 15, 1, true],
    ["active", 15, 1, false],
    ["idle", 0, 1, false],
    ["idle", 15, 0, false],
  ];
  for (const [state, minutes, sessions, expected] of rows) {
    it(`${state}_with_${minutes}_minutes_and_${sessions}_sessions_${expected ? "clears" : "keeps"}`, () => {
      assert.equal(clearsOnIdle(state, minutes, sessions), expected);
    });
  }
});
