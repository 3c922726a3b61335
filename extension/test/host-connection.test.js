import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConnectionStatus, HostConnection } from "../background/host-connection.js";
import { FakePort, ManualTimers, settle } from "../tools/test-helpers.js";

const HELLO_REPLY = {
  type: "hello",
  protocolVersion: 1,
  hostVersion: "0.1.0",
  capabilities: ["assessPage"],
  settings: { sharedDevice: false, requireVpn: false, idleTimeoutMinutes: 0 },
  storage: "ok",
};

/** A connection whose connectNative hands out fresh fake ports; the browser's lastError is settable. */
function harness({ reconnectDelaysMs = [1_000, 5_000], requestTimeoutMs = 10_000 } = {}) {
  const ports = [];
  const timers = new ManualTimers();
  let lastError;
  const connection = new HostConnection({
    connectNative: (name) => {
      assert.equal(name, "com.portalguard.host");
      const port = new FakePort();
      ports.push(port);
      return port;
    },
    lastError: () => lastError,
    reconnectDelaysMs,
    requestTimeoutMs,
    timers,
  });
  return {
    connection,
    timers,
    ports,
    get port() {
      return ports.at(-1);
    },
    setLastError(message) {
      lastError = message;
    },
  };
}

async function online(h) {
  const hello = h.connection.connect();
  const sent = h.port.lastPosted();
  h.port.reply({ ...HELLO_REPLY, id: sent.id });
  await hello;
  return h;
}

describe("HostConnection", () => {
  it("Hello_answered_makes_it_online_with_the_hosts_settings", async () => {
    const h = harness();
    const hello = h.connection.connect();
    assert.equal(h.connection.state.status, ConnectionStatus.CONNECTING);
    assert.deepEqual(h.port.lastPosted(), { id: 1, type: "hello" });
    h.port.reply({ ...HELLO_REPLY, id: 1 });
    await hello;
    assert.equal(h.connection.state.status, ConnectionStatus.ONLINE);
    assert.equal(h.connection.state.hostVersion, "0.1.0");
    assert.deepEqual(h.connection.state.settings, HELLO_REPLY.settings);
    assert.equal(h.connection.state.storage, "ok");
  });

  it("Is_never_online_before_the_host_has_answered", () => {
    const h = harness();
    h.connection.connect();
    assert.notEqual(h.connection.state.status, ConnectionStatus.ONLINE);
  });

  it("Replies_are_matched_to_requests_by_id_whatever_their_order", async () => {
    const h = await online(harness());
    const first = h.connection.request("checkPortal", { host: "a.example" });
    const second = h.connection.request("checkPortal", { host: "b.example" });
    const [a, b] = h.port.posted.slice(-2);
    assert.notEqual(a.id, b.id);
    h.port.reply({ id: b.id, type: "checkPortal", host: "b.example" });
    h.port.reply({ id: a.id, type: "checkPortal", host: "a.example" });
    assert.equal((await first).host, "a.example");
    assert.equal((await second).host, "b.example");
  });

  it("Error_reply_rejects_that_request_with_the_hosts_code", async () => {
    const h = await online(harness());
    const request = h.connection.request("assessPage", { url: "https://x.example" });
    h.port.reply({ id: h.port.lastPosted().id, type: "error", code: "invalid-request", message: "signals is required" });
    await assert.rejects(request, { name: "HostError", code: "invalid-request", message: "signals is required" });
    assert.equal(h.connection.state.status, ConnectionStatus.ONLINE);
  });

  it("Reply_of_another_type_is_refused", async () => {
    const h = await online(harness());
    const request = h.connection.request("getPosture");
    h.port.reply({ id: h.port.lastPosted().id, type: "getSettings" });
    await assert.rejects(request, { code: "bad-reply" });
  });

  it("Host_not_installed_goes_offline_with_the_browsers_words_and_rejects_what_waits", async () => {
    const h = harness();
    const hello = h.connection.connect();
    h.setLastError("Specified native messaging host not found.");
    h.port.drop();
    await assert.rejects(hello, { code: "guard-offline", message: "Specified native messaging host not found." });
    assert.equal(h.connection.state.status, ConnectionStatus.OFFLINE);
    assert.equal(h.connection.state.error, "Specified native messaging host not found.");
    assert.equal(h.connection.state.failure, "not-installed");
  });

  it("Firefox_style_port_error_is_read_from_the_port", async () => {
    const h = harness();
    const hello = h.connection.connect();
    h.port.drop({ message: "No such native application com.portalguard.host" });
    await assert.rejects(hello, { code: "guard-offline" });
    assert.equal(h.connection.state.failure, "not-installed");
  });

  it("Origin_refused_by_the_host_is_reported_as_forbidden_with_the_hosts_reason", async () => {
    const h = harness();
    const hello = h.connection.connect();
    h.port.reply({ type: "error", code: "origin-not-allowed", message: "chrome-extension://other/ is not allowed" });
    h.setLastError("Native host has exited.");
    h.port.drop();
    await assert.rejects(hello);
    assert.equal(h.connection.state.failure, "forbidden");
    assert.match(h.connection.state.error, /origin-not-allowed/u);
  });

  it("Requests_while_offline_try_to_connect_again_and_fail_fast_when_the_host_is_still_missing", async () => {
    const h = harness();
    h.connection.connect().catch(() => {});
    h.setLastError("Specified native messaging host not found.");
    h.port.drop();
    const request = h.connection.request("getPosture");
    assert.equal(h.ports.length, 2, "a new port is opened for the request");
    h.port.drop();
    await assert.rejects(request, { code: "guard-offline" });
  });

  it("Reconnects_after_the_host_exits_and_comes_back_online", async () => {
    const h = await online(harness());
    const pending = h.connection.request("getPosture");
    h.setLastError("Native host has exited.");
    h.port.drop();
    await assert.rejects(pending, { code: "guard-offline", message: "Native host has exited." });
    assert.equal(h.connection.state.failure, "exited");
    assert.deepEqual(h.timers.delays, [1_000]);

    h.setLastError(undefined);
    h.timers.fire(1_000);
    assert.equal(h.ports.length, 2);
    h.port.reply({ ...HELLO_REPLY, id: h.port.lastPosted().id });
    await settle();
    assert.equal(h.connection.state.status, ConnectionStatus.ONLINE);
  });

  it("Reconnection_backs_off_and_keeps_the_last_delay", async () => {
    const h = harness({ reconnectDelaysMs: [1_000, 5_000] });
    h.connection.connect().catch(() => {});
    for (const expected of [1_000, 5_000, 5_000]) {
      h.port.drop();
      assert.deepEqual(h.timers.delays, [expected]);
      h.timers.fire(expected);
    }
  });

  it("Unanswered_request_times_out_without_dropping_the_connection", async () => {
    const h = await online(harness({ requestTimeoutMs: 250 }));
    const request = h.connection.request("getPosture");
    h.timers.fire(250);
    await assert.rejects(request, { code: "timeout" });
    assert.equal(h.connection.state.status, ConnectionStatus.ONLINE);
  });

  it("Host_speaking_another_protocol_version_is_offline", async () => {
    const h = harness();
    const hello = h.connection.connect();
    h.port.reply({ ...HELLO_REPLY, protocolVersion: 2, id: 1 });
    await assert.rejects(hello, { code: "protocol-mismatch" });
    assert.equal(h.connection.state.status, ConnectionStatus.OFFLINE);
    assert.equal(h.port.disconnected, true);
  });

  it("Messages_without_id_go_to_push_listeners", async () => {
    const h = await online(harness());
    const pushed = [];
    h.connection.onPush((m) => pushed.push(m));
    h.port.reply({ type: "postureChanged", network: { vpn: "on" } });
    assert.deepEqual(pushed, [{ type: "postureChanged", network: { vpn: "on" } }]);
  });

  it("A_late_message_from_an_old_port_is_ignored", async () => {
    const h = await online(harness());
    const oldPort = h.port;
    oldPort.drop();
    h.timers.fire(1_000);
    const pushed = [];
    h.connection.onPush((m) => pushed.push(m));
    oldPort.reply({ type: "postureChanged" });
    assert.deepEqual(pushed, []);
  });

  it("State_listeners_see_every_change_and_a_throwing_listener_breaks_nothing", async () => {
    const h = harness();
    const seen = [];
    h.connection.onStateChange(() => {
      throw new Error("listener bug");
    });
    h.connection.onStateChange((s) => seen.push(s.status));
    await online(h);
    assert.deepEqual(seen, ["connecting", "online"]);
  });

  it("Close_rejects_what_waits_and_stops_reconnecting", async () => {
    const h = await online(harness());
    const request = h.connection.request("getPosture");
    h.connection.close();
    await assert.rejects(request, { code: "closed" });
    assert.equal(h.port.disconnected, true);
    assert.deepEqual(h.timers.delays, []);
    await assert.rejects(h.connection.connect(), { code: "closed" });
  });

  it("Connect_throwing_at_once_is_offline_not_an_exception", async () => {
    const connection = new HostConnection({
      connectNative: () => {
        throw new Error("No such native application com.portalguard.host");
      },
      timers: new ManualTimers(),
    });
    await assert.rejects(connection.connect(), { code: "guard-offline" });
    assert.equal(connection.state.failure, "not-installed");
  });
});
