import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { MAX_MANAGED_PORTALS, managedPortalHosts, readManagedPortalsReply, sameHosts, tabsOnHosts } from "../common/managed-portals.js";
import { DEVICE_EVENTS, HostRequest } from "../common/protocol.js";
import { effectiveSettings } from "../common/settings.js";

describe("managedPortalHosts", () => {
  it("Sends_each_policy_host_once_lowercase_in_the_policys_order", () => {
    const { extraPortals } = effectiveSettings(null, { extraPortals: ["Patients.Acme-Clinic.example", "mychart.acme.example", "patients.acme-clinic.example", 7] });
    assert.deepEqual(managedPortalHosts(extraPortals), ["patients.acme-clinic.example", "mychart.acme.example"]);
  });

  it("Sends_nothing_without_a_list", () => {
    assert.deepEqual(managedPortalHosts(undefined), []);
    assert.deepEqual(managedPortalHosts("a.example"), []);
  });

  it("Sends_at_most_as_many_as_the_host_uses", () => {
    const many = Array.from({ length: MAX_MANAGED_PORTALS + 3 }, (_, i) => `p${i}.acme.example`);
    assert.equal(managedPortalHosts(many).length, MAX_MANAGED_PORTALS);
  });
});

describe("sameHosts", () => {
  it("Order_and_length_matter", () => {
    assert.equal(sameHosts(["a.example", "b.example"], ["a.example", "b.example"]), true);
    assert.equal(sameHosts(["a.example", "b.example"], ["b.example", "a.example"]), false);
    assert.equal(sameHosts(["a.example"], []), false);
    assert.equal(sameHosts(null, []), false);
  });
});

describe("tabsOnHosts", () => {
  it("Finds_the_tabs_on_a_managed_host_whatever_their_port", () => {
    const tabs = [
      [1, { origin: "https://patients.acme-clinic.example:8443" }],
      [2, { origin: "https://mychart.ucsf.edu" }],
      [3, { origin: "https://patients.acme-clinic.example" }],
      [4, { origin: "not an origin" }],
    ];
    assert.deepEqual(tabsOnHosts(tabs, ["patients.acme-clinic.example"]), [1, 3]);
    assert.deepEqual(tabsOnHosts(tabs, []), []);
  });
});

describe("readManagedPortalsReply", () => {
  it("Keeps_the_three_lists_and_drops_what_is_malformed", () => {
    const reply = readManagedPortalsReply({
      added: ["patients.acme-clinic.example", 3],
      alreadyKnown: "mychart.ucsf.edu",
      refused: [{ index: 2, code: "lookalike", problem: "imitates mychart.ucsf.edu", imitatedHost: "mychart.ucsf.edu", imitatedName: 7 }, { problem: "no index" }, null],
    });
    assert.deepEqual(reply, { added: ["patients.acme-clinic.example"], alreadyKnown: [], refused: [{ index: 2, code: "lookalike", problem: "imitates mychart.ucsf.edu", imitatedHost: "mychart.ucsf.edu", imitatedName: null }] });
  });
});

describe("protocol contract", () => {
  const protocol = readFileSync(new URL("../../docs/protocol.md", import.meta.url), "utf8");

  it("Device_events_are_those_docs_protocol_md_lists_as_about_the_device", () => {
    const row = protocol.split("\n").find((line) => line.startsWith("| the device |"));
    assert.ok(row, "docs/protocol.md has a row for events about the device");
    const documented = [...row.split("|")[2].matchAll(/`([a-zA-Z]+)`/gu)].map((m) => m[1]);
    assert.deepEqual([...DEVICE_EVENTS].sort(), documented.sort());
  });

  it("setManagedPortals_is_a_documented_request", () => {
    assert.ok(protocol.includes(`### \`${HostRequest.SET_MANAGED_PORTALS}\``));
  });
});
