// Helpers for the unit tests in extension/test: the browser's i18n lookup read from _locales, a fake native-messaging
// port, and hand-driven timers. Kept outside extension/test, where node --test would run it as a test file.

import { readFileSync } from "node:fs";

export const extensionRoot = new URL("../", import.meta.url);

export function readJson(relative) {
  return JSON.parse(readFileSync(new URL(relative, extensionRoot), "utf8"));
}

/** chrome.i18n.getMessage for one language, with the same placeholder rules: $NAME$ → placeholder content → $1…$9. */
export function localeLookup(language) {
  const messages = readJson(`_locales/${language}/messages.json`);
  return (key, substitutions = []) => {
    const entry = messages[key];
    if (entry === undefined) {
      return "";
    }
    const subs = Array.isArray(substitutions) ? substitutions : [substitutions];
    const fill = (text) => text.replace(/\$(\d)/gu, (_, n) => subs[Number(n) - 1] ?? "");
    return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/gu, (whole, name) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder === undefined ? whole : fill(placeholder.content);
    });
  };
}

/** A port as chrome.runtime.connectNative returns it; the test plays the host. */
export class FakePort {
  posted = [];
  disconnected = false;
  #messageListeners = [];
  #disconnectListeners = [];

  onMessage = { addListener: (listener) => this.#messageListeners.push(listener) };
  onDisconnect = { addListener: (listener) => this.#disconnectListeners.push(listener) };

  postMessage(message) {
    if (this.disconnected) {
      throw new Error("Attempting to use a disconnected port object");
    }
    this.posted.push(structuredClone(message));
  }

  disconnect() {
    this.disconnected = true;
  }

  /** The host sends a message. */
  reply(message) {
    for (const listener of this.#messageListeners) {
      listener(message);
    }
  }

  /** The port goes away, as the browser reports it. */
  drop(error) {
    this.disconnected = true;
    for (const listener of this.#disconnectListeners) {
      listener(error === undefined ? this : { ...this, error });
    }
  }

  lastPosted() {
    return this.posted.at(-1);
  }
}

/** setTimeout/clearTimeout that run only when the test says so. */
export class ManualTimers {
  #next = 1;
  #timers = new Map();

  setTimeout = (callback, delay) => {
    const id = this.#next++;
    this.#timers.set(id, { callback, delay });
    return id;
  };

  clearTimeout = (id) => {
    this.#timers.delete(id);
  };

  get delays() {
    return [...this.#timers.values()].map((t) => t.delay);
  }

  /** Runs every timer of the given delay that is due now. */
  fire(delay) {
    for (const [id, timer] of [...this.#timers]) {
      if (timer.delay === delay) {
        this.#timers.delete(id);
        timer.callback();
      }
    }
  }
}

/** Lets pending promise callbacks run. */
export function settle() {
  return new Promise((resolve) => setImmediate(resolve));
}
