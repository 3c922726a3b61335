// One native-messaging port to the PortalGuard host: request ids, a promise per request, reconnection after the
// port drops, and an honest state. While there is no answer from the host the state is "offline" with the
// browser's own error text; nothing here ever reports a page as safe.
//
// Browser APIs come in through the constructor so the same code runs under node's test runner with a fake port.

import { HOST_NAME, HostRequest, PROTOCOL_VERSION } from "../common/protocol.js";
import { classifyHostFailure } from "../common/guard-offline.js";

export const ConnectionStatus = Object.freeze({
  IDLE: "idle",
  CONNECTING: "connecting",
  ONLINE: "online",
  OFFLINE: "offline",
});

/** A request the host did not answer with its reply: an error reply, a timeout, or the port went away. */
export class HostError extends Error {
  constructor(code, message) {
    super(message);
    this.name = "HostError";
    this.code = code;
  }
}

const DEFAULT_RECONNECT_DELAYS_MS = [1_000, 5_000, 30_000];

export class HostConnection {
  #connectNative;
  #lastError;
  #hostName;
  #requestTimeoutMs;
  #reconnectDelaysMs;
  #timers;

  #port = null;
  #hello = null;
  #nextId = 1;
  #pending = new Map();
  #failures = 0;
  #reconnectTimer = null;
  #errorBeforeExit = null;
  #closed = false;
  #state = Object.freeze({ status: ConnectionStatus.IDLE, error: null, failure: null });
  #stateListeners = new Set();
  #pushListeners = new Set();

  /**
   * @param {object} options
   * @param {(name: string) => object} options.connectNative chrome.runtime.connectNative
   * @param {() => string | undefined} [options.lastError] reads chrome.runtime.lastError?.message (Chromium puts the reason there)
   * @param {string} [options.hostName]
   * @param {number} [options.requestTimeoutMs]
   * @param {number[]} [options.reconnectDelaysMs] delays before the 1st, 2nd, … reconnection; the last one repeats
   * @param {{ setTimeout: Function, clearTimeout: Function }} [options.timers]
   */
  constructor({
    connectNative,
    lastError = () => undefined,
    hostName = HOST_NAME,
    requestTimeoutMs = 10_000,
    reconnectDelaysMs = DEFAULT_RECONNECT_DELAYS_MS,
    timers = { setTimeout: globalThis.setTimeout.bind(globalThis), clearTimeout: globalThis.clearTimeout.bind(globalThis) },
  }) {
    this.#connectNative = connectNative;
    this.#lastError = lastError;
    this.#hostName = hostName;
    this.#requestTimeoutMs = requestTimeoutMs;
    this.#reconnectDelaysMs = reconnectDelaysMs.length > 0 ? reconnectDelaysMs : DEFAULT_RECONNECT_DELAYS_MS;
    this.#timers = timers;
  }

  /** { status, error, failure, hostVersion?, protocolVersion?, capabilities?, settings?, storage?, storageError? } — a frozen snapshot. */
  get state() {
    return this.#state;
  }

  /** Called with the new state after every change. Returns a function that removes the listener. */
  onStateChange(listener) {
    this.#stateListeners.add(listener);
    return () => this.#stateListeners.delete(listener);
  }

  /** Called with every message the host sends without an id (postureChanged). */
  onPush(listener) {
    this.#pushListeners.add(listener);
    return () => this.#pushListeners.delete(listener);
  }

  /** Opens the port and says hello, unless a port is already open. Resolves with the hello reply. */
  connect() {
    if (this.#closed) {
      return Promise.reject(new HostError("closed", "The connection to the host was closed."));
    }
    if (this.#port !== null) {
      return this.#hello;
    }
    this.#cancelReconnect();
    this.#errorBeforeExit = null;
    this.#setState({ status: ConnectionStatus.CONNECTING, error: this.#state.error, failure: this.#state.failure });

    let port;
    try {
      port = this.#connectNative(this.#hostName);
    } catch (error) {
      // Firefox throws at once for some failures; Chromium reports them through onDisconnect.
      this.#goOffline(String(error?.message ?? error));
      return Promise.reject(new HostError("guard-offline", this.#state.error));
    }
    this.#port = port;
    port.onMessage.addListener((message) => this.#onMessage(port, message));
    port.onDisconnect.addListener((p) => this.#onDisconnect(port, p));

    this.#hello = this.#send(port, HostRequest.HELLO, {}).then((reply) => {
      if (reply.protocolVersion !== PROTOCOL_VERSION) {
        const message = `The PortalGuard program speaks protocol ${reply.protocolVersion}, this extension speaks ${PROTOCOL_VERSION}.`;
        this.#drop(port, message);
        throw new HostError("protocol-mismatch", message);
      }
      this.#failures = 0;
      this.#setState({
        status: ConnectionStatus.ONLINE,
        error: null,
        failure: null,
        hostVersion: reply.hostVersion ?? null,
        protocolVersion: reply.protocolVersion,
        capabilities: Array.isArray(reply.capabilities) ? [...reply.capabilities] : [],
        settings: reply.settings ?? null,
        storage: reply.storage ?? null,
        storageError: reply.storageError ?? null,
      });
      return reply;
    });
    // The caller may not wait for hello; its failure is already reflected in the state.
    this.#hello.catch(() => {});
    return this.#hello;
  }

  /**
   * Sends one request and resolves with the host's reply of the same type.
   * Rejects with a HostError: the host's error code, "timeout", or "guard-offline" when there is no host.
   */
  async request(type, fields = {}) {
    if (this.#port === null) {
      this.connect().catch(() => {});
    }
    const port = this.#port;
    if (port === null) {
      throw new HostError("guard-offline", this.#state.error ?? "The PortalGuard program is not running.");
    }
    return this.#send(port, type, fields);
  }

  /** Ends the connection for good (the worker is going away, or a test is done). */
  close() {
    this.#closed = true;
    this.#cancelReconnect();
    const port = this.#port;
    if (port !== null) {
      this.#port = null;
      try {
        port.disconnect();
      } catch {
        // Already gone.
      }
      this.#rejectPending(new HostError("closed", "The connection to the host was closed."));
    }
  }

  #send(port, type, fields) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = this.#timers.setTimeout(() => {
        this.#pending.delete(id);
        reject(new HostError("timeout", `The PortalGuard program did not answer "${type}" in time.`));
      }, this.#requestTimeoutMs);
      this.#pending.set(id, { type, resolve, reject, timer });
      try {
        port.postMessage({ ...fields, id, type });
      } catch (error) {
        // Posting on a port that has just died throws; treat it like the disconnect it is.
        this.#onDisconnect(port, { error: { message: String(error?.message ?? error) } });
      }
    });
  }

  #onMessage(port, message) {
    if (port !== this.#port || message === null || typeof message !== "object") {
      return;
    }
    if (typeof message.id === "number" && this.#pending.has(message.id)) {
      const entry = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      this.#timers.clearTimeout(entry.timer);
      if (message.type === "error") {
        entry.reject(new HostError(String(message.code ?? "error"), String(message.message ?? "The PortalGuard program refused the request.")));
      } else if (message.type !== entry.type) {
        entry.reject(new HostError("bad-reply", `Asked "${entry.type}", the PortalGuard program answered "${message.type}".`));
      } else {
        entry.resolve(message);
      }
      return;
    }
    if (message.type === "error") {
      // An error without a request to answer comes before the host exits (origin-not-allowed): keep it for the state.
      this.#errorBeforeExit = message;
      return;
    }
    if (message.id === undefined || message.id === null) {
      for (const listener of this.#pushListeners) {
        safely(() => listener(message));
      }
    }
  }

  #onDisconnect(port, disconnected) {
    if (port !== this.#port) {
      return;
    }
    // Reading lastError here also keeps Chromium from logging it as unchecked.
    const browserError = disconnected?.error?.message ?? this.#lastError();
    const hostError = this.#errorBeforeExit;
    const message = hostError?.message
      ? `${browserError ?? "Native host has exited."} (${hostError.code}: ${hostError.message})`
      : browserError ?? "Native host has exited.";
    this.#port = null;
    this.#goOffline(message, hostError?.code);
  }

  #drop(port, message) {
    if (port !== this.#port) {
      return;
    }
    this.#port = null;
    try {
      port.disconnect();
    } catch {
      // Already gone.
    }
    this.#goOffline(message);
  }

  #goOffline(message, hostCode) {
    this.#rejectPending(new HostError("guard-offline", message));
    this.#setState({
      status: ConnectionStatus.OFFLINE,
      error: message,
      failure: classifyHostFailure(hostCode ? `${hostCode} ${message}` : message),
    });
    this.#scheduleReconnect();
  }

  #rejectPending(error) {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const entry of pending) {
      this.#timers.clearTimeout(entry.timer);
      entry.reject(error);
    }
  }

  #scheduleReconnect() {
    if (this.#closed || this.#reconnectTimer !== null) {
      return;
    }
    const delays = this.#reconnectDelaysMs;
    const delay = delays[Math.min(this.#failures, delays.length - 1)];
    this.#failures += 1;
    this.#reconnectTimer = this.#timers.setTimeout(() => {
      this.#reconnectTimer = null;
      this.connect().catch(() => {});
    }, delay);
  }

  #cancelReconnect() {
    if (this.#reconnectTimer !== null) {
      this.#timers.clearTimeout(this.#reconnectTimer);
      this.#reconnectTimer = null;
    }
  }

  #setState(state) {
    this.#state = Object.freeze({ ...state, since: Date.now() });
    for (const listener of this.#stateListeners) {
      safely(() => listener(this.#state));
    }
  }
}

function safely(action) {
  try {
    action();
  } catch {
    // A listener's failure must not break the connection.
  }
}
