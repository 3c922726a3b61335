import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HostError } from "../background/host-connection.js";
import { assessPage } from "../background/page-assessment.js";
import { localeLookup } from "../tools/test-helpers.js";

const t = localeLookup("en");
const signals = { topFrame: true, hasPasswordField: true, formActionOrigin: null, brandWords: ["MyChart"] };

const VPN_OFF_REPLY = {
  id: 2,
  type: "assessPage",
  origin: "https://mychart.ucsf.edu",
  identity: {
    status: "known",
    host: "mychart.ucsf.edu",
    registrableDomain: "ucsf.edu",
    portal: { id: "ucsf-mychart", name: "UCSF MyChart", vendor: "Epic", vpnCompatibility: "usually", notes: null },
    lookalikeOf: null,
  },
  network: { vpn: "off" },
  verdict: { level: "warn", reasons: [{ code: "vpn-off", severity: "warn", message: "You opened MyChart without a VPN." }] },
};

function connectionAnswering(answer) {
  const requests = [];
  return {
    requests,
    request: async (type, fields) => {
      requests.push({ type, ...fields });
      return answer();
    },
  };
}

describe("assessPage", () => {
  it("Sends_only_the_origin_and_shows_the_hosts_verdict", async () => {
    const connection = connectionAnswering(() => VPN_OFF_REPLY);
    const result = await assessPage({ connection, origin: "https://mychart.ucsf.edu", signals, t });
    assert.deepEqual(connection.requests, [{ type: "assessPage", url: "https://mychart.ucsf.edu", signals }]);
    assert.equal(result.answeredByHost, true);
    assert.equal(result.verdict.level, "warn");
    assert.match(result.banner.lines[0].text, /^You opened UCSF MyChart without a VPN\./u);
  });

  it("Ok_from_the_host_shows_nothing", async () => {
    const connection = connectionAnswering(() => ({ ...VPN_OFF_REPLY, verdict: { level: "ok", reasons: [] } }));
    const result = await assessPage({ connection, origin: "https://mychart.ucsf.edu", signals, t });
    assert.equal(result.banner, null);
  });

  it("No_host_means_guard_offline_never_ok", async () => {
    const connection = connectionAnswering(() => {
      throw new HostError("guard-offline", "Specified native messaging host not found.");
    });
    const result = await assessPage({ connection, origin: "https://mychart.ucsf.edu", signals, t });
    assert.equal(result.answeredByHost, false);
    assert.equal(result.verdict.level, "warn");
    assert.deepEqual(result.banner.codes, ["guard-offline"]);
    assert.equal(result.error, "Specified native messaging host not found.");
  });

  it("Host_error_reply_means_the_page_is_unchecked", async () => {
    const connection = connectionAnswering(() => {
      throw new HostError("storage-unavailable", "The database is from a newer version.");
    });
    const result = await assessPage({ connection, origin: "https://mychart.ucsf.edu", signals, t });
    assert.deepEqual(result.banner.codes, ["guard-error"]);
  });

  it("Reply_without_a_verdict_is_a_warning", async () => {
    const connection = connectionAnswering(() => ({ id: 2, type: "assessPage" }));
    const result = await assessPage({ connection, origin: "https://mychart.ucsf.edu", signals, t });
    assert.equal(result.verdict.level, "warn");
  });
});
