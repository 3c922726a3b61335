import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildBanner, reasonMessageKey } from "../common/banner.js";
import { localeLookup } from "../tools/test-helpers.js";

const en = localeLookup("en");
const es = localeLookup("es");
const vpnOff = { level: "warn", reasons: [{ code: "vpn-off", severity: "warn", message: "host words" }] };

describe("buildBanner", () => {
  it("Vpn_off_names_the_portal_in_plain_words", () => {
    const banner = buildBanner(vpnOff, { portalName: "MyChart" }, en);
    assert.equal(banner.level, "warn");
    assert.equal(banner.title, "Check this before you sign in");
    assert.deepEqual(banner.codes, ["vpn-off"]);
    assert.equal(
      banner.lines[0].text,
      "You opened MyChart without a VPN. People on this network could see that you use it. Connect your VPN before you sign in.",
    );
  });

  it("Vpn_off_is_told_in_spanish_from_the_spanish_locale", () => {
    const banner = buildBanner(vpnOff, { portalName: "MyChart" }, es);
    assert.match(banner.lines[0].text, /^Abrió MyChart sin una VPN\./u);
    assert.equal(banner.closeLabel, "Cerrar");
  });

  it("Unknown_portal_name_reads_as_this_patient_portal", () => {
    const banner = buildBanner(vpnOff, { portalName: null }, en);
    assert.match(banner.lines[0].text, /^You opened this patient portal without a VPN\./u);
  });

  it("Ok_verdict_shows_no_banner", () => {
    assert.equal(buildBanner({ level: "ok", reasons: [] }, {}, en), null);
    assert.equal(buildBanner(null, {}, en), null);
  });

  it("Reason_code_without_words_in_the_locale_falls_back_to_the_hosts_message", () => {
    const verdict = { level: "warn", reasons: [{ code: "new-thing", severity: "warn", message: "A new problem." }] };
    assert.equal(buildBanner(verdict, {}, en).lines[0].text, "A new problem.");
  });

  it("Reason_code_without_any_words_gets_the_generic_sentence", () => {
    const verdict = { level: "warn", reasons: [{ code: "new-thing", severity: "warn", message: "" }] };
    assert.equal(buildBanner(verdict, {}, en).lines[0].text, en("reason_unknown"));
  });

  it("Warn_or_block_without_reasons_still_says_something", () => {
    const banner = buildBanner({ level: "block", reasons: [] }, {}, en);
    assert.equal(banner.lines.length, 1);
    assert.equal(banner.title, en("banner_title_block"));
  });

  it("Block_reasons_come_first_and_each_code_once", () => {
    const verdict = {
      level: "block",
      reasons: [
        { code: "portal-may-block-vpn", severity: "info", message: "" },
        { code: "vpn-off", severity: "warn", message: "" },
        { code: "lookalike-domain", severity: "block", message: "" },
        { code: "vpn-off", severity: "warn", message: "" },
      ],
    };
    const banner = buildBanner(verdict, { portalName: "MyChart", lookalikeOf: "mychart.ucsf.edu" }, en);
    assert.deepEqual(banner.codes, ["lookalike-domain", "vpn-off", "portal-may-block-vpn"]);
    assert.equal(banner.lines[0].text, "This page is pretending to be mychart.ucsf.edu. Do not type your password here.");
  });

  it("Unknown_brand_names_the_host_it_does_not_know", () => {
    const verdict = { level: "warn", reasons: [{ code: "unknown-portal-brand", severity: "warn", message: "" }] };
    const banner = buildBanner(verdict, { host: "mychart-login.example" }, en);
    assert.match(banner.lines[0].text, /\(mychart-login\.example\)/u);
  });
});

describe("reasonMessageKey", () => {
  for (const [code, key] of [
    ["vpn-off", "reason_vpn_off"],
    ["guard-offline", "reason_guard_offline"],
    ["ipv6-bypasses-tunnel", "reason_ipv6_bypasses_tunnel"],
    ["odd code!", "reason_odd_code_"],
  ]) {
    it(`Code_${code}_maps_to_${key}`, () => assert.equal(reasonMessageKey(code), key));
  }
});
