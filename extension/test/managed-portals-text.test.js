import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { managedPortalsSection, refusalReason } from "../common/managed-portals-text.js";
import { localeLookup } from "../tools/test-helpers.js";

const en = localeLookup("en");
const es = localeLookup("es");

// A refusal as the host sends it (src/PortalGuard/Policy/ManagedPortals.cs, ManagedPortalProblemCodes.cs).
const LOOKALIKE = {
  code: "lookalike",
  problem: "\"mychart-ucsf.edu.login-check.net\" imitates mychart.ucsf.edu (Epic MyChart): browser policy cannot make a lookalike a portal. If it really is the organisation's, list it in the machine policy (docs/policy.md).",
  imitatedHost: "mychart.ucsf.edu",
  imitatedName: "Epic MyChart",
};
const POLICY = ["patients.acme-clinic.example", "mychart.ucsf.edu", "mychart-ucsf.edu.login-check.net"];
const ANSWERED = {
  sent: POLICY,
  added: ["patients.acme-clinic.example"],
  alreadyKnown: ["mychart.ucsf.edu"],
  refused: [{ index: 2, ...LOOKALIKE }],
  supported: true,
};

describe("managedPortalsSection", () => {
  it("Is_absent_when_the_policy_lists_no_extra_portals", () => {
    assert.equal(managedPortalsSection([], ANSWERED, en), null);
    assert.equal(managedPortalsSection(undefined, undefined, en), null);
  });

  it("Names_the_added_the_already_known_and_the_refused_with_a_plain_reason", () => {
    const section = managedPortalsSection(POLICY, ANSWERED, en);
    assert.equal(section.heading, "Patient portals from your organisation");
    assert.deepEqual(section.groups.map((g) => g.items), [
      ["patients.acme-clinic.example"],
      ["mychart.ucsf.edu"],
      ["mychart-ucsf.edu.login-check.net — its name imitates Epic MyChart (mychart.ucsf.edu). A fake site could use such a name to steal your sign-in, so it stays blocked."],
    ]);
    assert.match(section.groups[0].text, /^Your organisation added these patient portals/u);
    assert.match(section.groups[2].text, /did not accept/u);
  });

  it("Leaves_out_empty_groups", () => {
    const section = managedPortalsSection(["patients.acme-clinic.example"], { ...ANSWERED, sent: ["patients.acme-clinic.example"], alreadyKnown: [], refused: [] }, en);
    assert.equal(section.groups.length, 1);
  });

  it("Speaks_spanish_in_a_spanish_browser", () => {
    const section = managedPortalsSection(POLICY, ANSWERED, es);
    assert.equal(section.heading, "Portales de pacientes de su organización");
    assert.match(section.groups[2].items[0], /imita a Epic MyChart \(mychart\.ucsf\.edu\)/u);
  });

  it("Lists_the_policy_as_not_yet_checked_until_the_host_answered_for_this_very_list", () => {
    for (const answer of [undefined, { ...ANSWERED, sent: null }, { ...ANSWERED, sent: ["patients.acme-clinic.example"] }]) {
      const section = managedPortalsSection(POLICY, answer, en);
      assert.deepEqual(section.groups.map((g) => g.items), [POLICY]);
      assert.match(section.groups[0].text, /not been able to check them yet/u);
    }
  });

  it("Says_the_helper_is_too_old_when_it_cannot_take_the_list", () => {
    const section = managedPortalsSection(POLICY, { sent: null, added: [], alreadyKnown: [], refused: [], supported: false }, en);
    assert.match(section.groups[0].text, /too old/u);
    assert.deepEqual(section.groups[0].items, POLICY);
  });

  it("Gives_the_reason_alone_when_the_refused_index_is_past_the_list", () => {
    const section = managedPortalsSection(["a.acme.example"], { ...ANSWERED, sent: ["a.acme.example"], added: [], alreadyKnown: [], refused: [{ index: 1000, code: "too-many", problem: "only the first 1000 host names are used." }] }, en);
    assert.deepEqual(section.groups[0].items, ["the list is too long: only the first 1,000 names are used."]);
  });
});

describe("refusalReason", () => {
  const cases = [
    [LOOKALIKE, /imitates Epic MyChart \(mychart\.ucsf\.edu\)/u],
    [{ code: "lookalike", imitatedHost: "mychart.ucsf.edu", imitatedName: "" }, /imitates mychart\.ucsf\.edu \(mychart\.ucsf\.edu\)/u],
    [{ code: "too-many", problem: "only the first 1000 host names are used." }, /too long/u],
    [{ code: "address", problem: "hosts: \"10.0.0.1\" is an IP address; portals are recognised by name only." }, /numeric address/u],
    [{ code: "public-suffix", problem: "hosts: \"co.uk\" is a public suffix; it would claim every site under it." }, /too broad/u],
    [{ code: "not-a-host", problem: "hosts: must be a host name only: remove the scheme (https://)." }, /plain website name/u],
    [{ code: "a-code-from-a-newer-host", problem: "imitates x (y) IP address public suffix" }, /plain website name/u],
    [undefined, /plain website name/u],
  ];
  for (const [refusal, expected] of cases) {
    it(`Plain_reason_for: ${refusal?.code ?? "nothing"}${refusal?.imitatedName === "" ? " without a name" : ""}`, () => {
      const reason = refusalReason(refusal, en);
      assert.match(reason, expected);
      assert.doesNotMatch(reason, /docs\/|browser policy|machine policy/u); // never the administrator's raw sentence
    });
  }
});
