// The origin of a web address: the only part of an address PortalGuard sends to the host or keeps.
// A path or query can carry a patient id, so nothing here ever returns one.

/** "https://mychart.ucsf.edu" for any http(s) URL on that origin; null for other schemes and for text that is not a URL. */
export function webOrigin(url, base) {
  if (typeof url !== "string" || url.length === 0) {
    return null;
  }
  try {
    const parsed = base === undefined ? new URL(url) : new URL(url, base);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * webOrigin of an absolute URL as the browser itself writes it out (form.action). When its host is plain (lowercase
 * letters, digits, dots and hyphens, and a port at most: no user, no IP address, no punycode) the origin is read off as text, so
 * a login form costs the content script no URL parser; anything else goes to webOrigin. The same answer as webOrigin
 * either way (the tests compare the two).
 */
export function serialisedOrigin(href) {
  if (typeof href !== "string") {
    return null;
  }
  const hostAt = href.startsWith("https://") ? 8 : href.startsWith("http://") ? 7 : 0;
  let end = hostAt;
  while (end < href.length && href[end] !== "/") end++;
  const authority = href.slice(hostAt, end);
  const colon = authority.indexOf(":");
  const plain = hostAt !== 0 && isPlainHost(colon === -1 ? authority : authority.slice(0, colon)) &&
    (colon === -1 || isPlainPort(authority.slice(colon + 1), hostAt === 8 ? "443" : "80"));
  return plain ? href.slice(0, end) : webOrigin(href);
}

/** A port as the browser writes it: digits, no leading zero, in range, and not the scheme's own (which it leaves out). */
function isPlainPort(port, schemePort) {
  if (port.length === 0 || port.length > 5 || port[0] === "0" || port === schemePort) {
    return false;
  }
  for (let i = 0; i < port.length; i++) {
    const c = port.charCodeAt(i);
    if (c < 0x30 || c > 0x39) {
      return false;
    }
  }
  return Number(port) <= 65535;
}

function isPlainHost(host) {
  if (host.length === 0 || host.includes("xn--")) {
    return false;
  }
  for (let i = 0; i < host.length; i++) {
    const c = host.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d)) {
      return false;
    }
  }
  // A last label that looks like a number makes the host an IPv4 address, which the parser writes differently.
  const name = host.endsWith(".") ? host.slice(0, -1) : host;
  const last = name.slice(name.lastIndexOf(".") + 1);
  const final = last.charCodeAt(last.length - 1);
  return last.length > 0 && !(final >= 0x30 && final <= 0x39) && !last.startsWith("0x");
}
