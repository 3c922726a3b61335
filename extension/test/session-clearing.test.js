// Log out & clear and password saving, with the browser APIs played by plain objects.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyPasswordSaving } from "../background/password-saving.js";
import { logOutAndClear } from "../background/session-cleaner.js";
import { WorkerMessage } from "../common/protocol.js";
import { REMOVED_DATA, REMOVED_DATA_FIREFOX, cookieMatchesHosts, cookieUrl, historyUrlsToDelete, hostsOf, siteDataRemoval } from "../common/session-clearing.js";

const ORIGIN = "https://mychart.ucsf.edu";

describe("session clearing rules", () => {
  it("Every_kind_of_site_data_is_removed", () => {
    assert.deepEqual(Object.keys(REMOVED_DATA).sort(), ["cache", "cacheStorage", "cookies", "fileSystems", "indexedDB", "localStorage", "serviceWorkers"]);
  });
  it("Chromium_is_asked_by_origin_and_Firefox_by_host_name_with_the_kinds_it_knows", () => {
    const origins = [ORIGIN, "https://mychart.ucsf.edu:8443", "https://login.ucsf.edu"];
    assert.deepEqual(siteDataRemoval(origins, false), [{ origins }, REMOVED_DATA]);
    assert.deepEqual(siteDataRemoval(origins, true), [{ hostnames: ["mychart.ucsf.edu", "login.ucsf.edu"] }, REMOVED_DATA_FIREFOX]);
    // Firefox's schema refuses a kind it does not know, which would remove nothing at all.
    assert.deepEqual(Object.keys(REMOVED_DATA_FIREFOX).sort(), ["cache", "cookies", "indexedDB", "localStorage", "serviceWorkers"]);
  });
  it("History_of_the_portals_origins_only", () => {
    const items = [{ url: `${ORIGIN}/MyChart/Home` }, { url: "https://mychart.ucsf.edu.evil.example/x" }, { url: "https://news.example/mychart.ucsf.edu" }];
    assert.deepEqual(historyUrlsToDelete(items, [ORIGIN]), [`${ORIGIN}/MyChart/Home`]);
  });
  it("Cookies_of_the_host_and_its_parent_domain_match", () => {
    const hosts = hostsOf([ORIGIN, "https://mychart.ucsf.edu:8443"]);
    assert.deepEqual(hosts, ["mychart.ucsf.edu"]);
    assert.equal(cookieMatchesHosts({ domain: ".ucsf.edu" }, hosts), true);
    assert.equal(cookieMatchesHosts({ domain: "mychart.ucsf.edu" }, hosts), true);
    assert.equal(cookieMatchesHosts({ domain: "evilucsf.edu" }, hosts), false);
    assert.equal(cookieUrl({ domain: ".ucsf.edu", secure: true, path: "/MyChart" }), "https://ucsf.edu/MyChart");
  });
});

/** scripting.executeScript as tab-delivery.js uses it, handing each message to `answer` as the page's handler would. */
function delivering(answer) {
  return { executeScript: async ({ target, args: [, message] }) => [{ result: { delivered: true, reply: await answer(target.tabId, message) } }] };
}

function fakeBrowser({ cookies = [], history = [], throwOn = [] } = {}) {
  const calls = [];
  const jar = [...cookies];
  const maybeThrow = (name) => {
    if (throwOn.includes(name)) throw new Error(`${name} failed`);
  };
  return {
    calls,
    jar,
    scripting: delivering(async (id, message) => calls.push(["signOut", id, message.type])),
    tabs: {
      query: async () => [{ id: 1, url: `${ORIGIN}/MyChart/Home` }, { id: 2, url: "https://news.example/" }],
      update: async (id, props) => calls.push(["navigate", id, props.url]),
      remove: async (id) => calls.push(["closeTab", id]),
    },
    browsingData: { remove: async (filter, types) => { maybeThrow("browsingData"); calls.push(["browsingData", filter.origins ?? filter.hostnames, Object.keys(types).length]); } },
    cookies: {
      getAll: async () => { maybeThrow("cookies"); return [...jar]; },
      remove: async (details) => {
        const i = jar.findIndex((c) => c.name === details.name);
        if (i >= 0) jar.splice(i, 1);
        return details;
      },
    },
    history: {
      search: async () => history,
      deleteUrl: async ({ url }) => calls.push(["deleteUrl", new URL(url).origin]),
    },
  };
}

describe("logOutAndClear", () => {
  it("Signs_out_through_the_page_closes_the_portal_tab_clears_data_partitioned_cookies_and_history", async () => {
    const browser = fakeBrowser({
      cookies: [{ name: "sid", domain: "mychart.ucsf.edu", secure: true, path: "/" }, { name: "embed", domain: "widget.example", secure: true, path: "/", partitionKey: { topLevelSite: "https://ucsf.edu" } }, { name: "other", domain: "news.example", path: "/" }],
      history: [{ url: `${ORIGIN}/MyChart/Home` }, { url: "https://news.example/a" }],
    });
    const result = await logOutAndClear({ browser, origins: [ORIGIN], signOutPath: null, wait: async () => {} });
    assert.deepEqual(browser.calls.map((c) => c[0]), ["signOut", "closeTab", "browsingData", "deleteUrl"]);
    assert.deepEqual(browser.jar.map((c) => c.name), ["other"]);
    assert.deepEqual(result, { origins: 1, tabsClosed: 1, historyDeleted: 1, partitionedCookiesRemoved: 1, notRemoved: [] });
  });

  it("In_Firefox_the_page_clears_its_storage_before_its_tab_closes_and_site_data_is_removed_by_host_name", async () => {
    const plain = fakeBrowser();
    const sendMessage = async (id, message) => {
      plain.calls.push([message.type === WorkerMessage.CLEAR_STORAGE ? "clearStorage" : "signOut", id]);
      return message.type === WorkerMessage.CLEAR_STORAGE ? { failed: [] } : { clicked: true };
    };
    const browser = { ...plain, scripting: delivering(sendMessage), runtime: { getBrowserInfo: async () => ({ name: "Firefox" }) } };
    const result = await logOutAndClear({ browser, origins: [ORIGIN], signOutPath: null, wait: async () => {} });
    assert.deepEqual(plain.calls.map((c) => c[0]), ["signOut", "clearStorage", "closeTab", "browsingData"]);
    assert.deepEqual(plain.calls.find((c) => c[0] === "browsingData"), ["browsingData", ["mychart.ucsf.edu"], 5]);
    assert.deepEqual(result.notRemoved, []);
  });

  it("In_Firefox_a_page_that_could_not_clear_its_storage_is_named", async () => {
    const plain = fakeBrowser();
    const sendMessage = async (_id, message) => (message.type === WorkerMessage.CLEAR_STORAGE ? { failed: ["cacheStorage"] } : { clicked: true });
    const browser = { ...plain, scripting: delivering(sendMessage), runtime: { getBrowserInfo: async () => ({ name: "Firefox" }) } };
    const result = await logOutAndClear({ browser, origins: [ORIGIN], signOutPath: null, wait: async () => {} });
    assert.deepEqual(result.notRemoved, ["page-storage"]);
  });

  it("Uses_the_catalogs_sign_out_path_when_known", async () => {
    const browser = fakeBrowser();
    await logOutAndClear({ browser, origins: [ORIGIN], signOutPath: "/MyChart/Authentication/Logout", wait: async () => {} });
    assert.deepEqual(browser.calls[0], ["navigate", 1, `${ORIGIN}/MyChart/Authentication/Logout`]);
  });

  it("Names_what_could_not_be_removed", async () => {
    const browser = fakeBrowser({ throwOn: ["browsingData", "cookies"] });
    const result = await logOutAndClear({ browser, origins: [ORIGIN], signOutPath: null, wait: async () => {} });
    assert.deepEqual(result.notRemoved, ["site-data", "partitioned-cookies"]);
  });
});

describe("applyPasswordSaving", () => {
  function fakeSetting(levelOfControl) {
    const state = { value: true, levelOfControl, calls: [] };
    return {
      state,
      get: async () => ({ value: state.value, levelOfControl: state.levelOfControl }),
      set: async ({ value }) => { state.calls.push("set"); state.value = value; state.levelOfControl = "controlled_by_this_extension"; },
      clear: async () => { state.calls.push("clear"); state.value = true; state.levelOfControl = "controllable_by_this_extension"; },
    };
  }
  it("Shared_device_switches_saving_off_and_confirms_control", async () => {
    const setting = fakeSetting("controllable_by_this_extension");
    assert.deepEqual(await applyPasswordSaving(setting, true), { value: false, levelOfControl: "controlled_by_this_extension", controlledByUs: true });
    assert.deepEqual(await applyPasswordSaving(setting, false), { value: true, levelOfControl: "controllable_by_this_extension", controlledByUs: false });
    assert.deepEqual(setting.state.calls, ["set", "clear"]);
  });
  it("Controlled_by_policy_is_left_alone_and_reported", async () => {
    const setting = fakeSetting("controlled_by_other_extensions");
    const result = await applyPasswordSaving(setting, true);
    assert.equal(result.controlledByUs, false);
    assert.deepEqual(setting.state.calls, []);
  });
  it("A_browser_without_the_setting_says_unavailable", async () => {
    assert.equal((await applyPasswordSaving(undefined, true)).levelOfControl, "unavailable");
  });
});
