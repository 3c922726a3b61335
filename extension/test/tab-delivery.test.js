// The worker's messages to a tab's content script go through scripting.executeScript (background/tab-delivery.js).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { deliverToTab, handOver } from "../background/tab-delivery.js";
import { PAGE_HANDLER } from "../common/protocol.js";

/** scripting.executeScript running the serialised function here, with `world` as the page's extension world. */
function scriptingIn(world, calls = []) {
  return {
    scripting: {
      executeScript: async ({ target, func, args }) => {
        calls.push(target);
        const saved = globalThis[args[0]];
        if (world.handler) globalThis[args[0]] = world.handler;
        try {
          return [{ frameId: 0, result: await func(...args) }];
        } finally {
          if (saved === undefined) delete globalThis[args[0]];
          else globalThis[args[0]] = saved;
        }
      },
    },
  };
}

describe("deliverToTab", () => {
  it("Hands_the_message_to_the_top_frames_handler_and_returns_its_answer", async () => {
    const calls = [];
    const seen = [];
    const browser = scriptingIn({ handler: (message) => (seen.push(message), { clicked: true }) }, calls);
    assert.deepEqual(await deliverToTab(browser, 7, { type: "pg:signOut" }), { clicked: true });
    assert.deepEqual(seen, [{ type: "pg:signOut" }]);
    assert.deepEqual(calls, [{ tabId: 7, frameIds: [0] }]);
  });

  it("Waits_for_an_answer_that_comes_later", async () => {
    const browser = scriptingIn({ handler: async () => ({ failed: [] }) });
    assert.deepEqual(await deliverToTab(browser, 1, { type: "pg:clearStorage" }), { failed: [] });
  });

  it("Rejects_when_the_tab_has_no_content_script_of_ours", async () => {
    await assert.rejects(deliverToTab(scriptingIn({}), 1, { type: "pg:signOut" }), /no PortalGuard content script/u);
  });

  it("Rejects_when_the_browser_cannot_script_the_tab", async () => {
    const browser = { scripting: { executeScript: async () => { throw new Error("Cannot access contents of the page"); } } };
    await assert.rejects(deliverToTab(browser, 1, { type: "pg:settings" }), /Cannot access/u);
  });

  it("An_empty_result_is_no_delivery", async () => {
    // Only what handOver returns counts: an empty result (a frame that went away) is no delivery.
    const browser = { scripting: { executeScript: async () => [{ frameId: 0, result: null }] } };
    await assert.rejects(deliverToTab(browser, 1, { type: "pg:settings" }), /no PortalGuard content script/u);
  });

  it("Hand_over_uses_the_name_it_is_given_and_nothing_of_its_module", async () => {
    // It is serialised into the page's world: its text must not refer to this module's imports.
    assert.ok(!handOver.toString().includes("PAGE_HANDLER"));
    globalThis[PAGE_HANDLER] = () => undefined;
    try {
      assert.deepEqual(await handOver(PAGE_HANDLER, { type: "pg:settings" }), { delivered: true, reply: null });
    } finally {
      delete globalThis[PAGE_HANDLER];
    }
    assert.deepEqual(await handOver(PAGE_HANDLER, { type: "pg:settings" }), { delivered: false });
  });
});
