import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { serialisedOrigin, webOrigin } from "../common/origin.js";

describe("webOrigin", () => {
  const rows = [
    ["https://mychart.ucsf.edu/MyChart/Authentication/Login?patient=123#x", "https://mychart.ucsf.edu"],
    ["https://MyChart.UCSF.edu:443/", "https://mychart.ucsf.edu"],
    ["https://mychart.ucsf.edu:8443/a", "https://mychart.ucsf.edu:8443"],
    ["http://127.0.0.1:8080/login", "http://127.0.0.1:8080"],
    ["https://user:secret@mychart.ucsf.edu/", "https://mychart.ucsf.edu"],
    ["https://xn--mychrt-9wa.example/", "https://xn--mychrt-9wa.example"],
    ["javascript:alert(1)", null],
    ["file:///etc/passwd", null],
    ["chrome-extension://abc/x.html", null],
    ["not a url", null],
    ["", null],
    [null, null],
  ];
  for (const [input, expected] of rows) {
    it(`${JSON.stringify(input)}_gives_${JSON.stringify(expected)}`, () => assert.equal(webOrigin(input), expected));
  }

  it("Relative_action_resolves_against_the_page", () => {
    assert.equal(webOrigin("/login", "https://mychart.ucsf.edu/MyChart/"), "https://mychart.ucsf.edu");
  });
});

describe("serialisedOrigin", () => {
  // What form.action gives (the browser's serialisation) and text it does not give: the answer is webOrigin's for all.
  const inputs = [
    "https://mychart.ucsf.edu/MyChart/Authentication/Login?patient=123#x",
    "https://mychart.ucsf.edu/",
    "http://portal.example/",
    "https://mychart.ucsf.edu",
    "https://MyChart.UCSF.edu/",
    "https://mychart.ucsf.edu:8443/a",
    "http://127.0.0.1:8080/login",
    "https://user:secret@mychart.ucsf.edu/",
    "https://xn--mychrt-9wa.example/",
    "https://xn--a.example/",
    "https://0x7f.1/",
    "https://1.2.3/",
    "https://a.1./",
    "https://[::1]/",
    "https://my chart.example/",
    "https://mychart.example?x=1",
    "https://mychart.example#x",
    "https://mychart.example\\path",
    "https://mychart.example./",
    "https://./",
    "https://-a-.example/",
    "https:///x",
    "https://",
    "http://example.com:80/",
    "https://mychart.ucsf.edu:443/",
    "http://mychart.ucsf.edu:443/",
    "https://mychart.ucsf.edu:8443",
    "https://mychart.ucsf.edu:8443?x=1",
    "https://mychart.ucsf.edu:08443/",
    "https://mychart.ucsf.edu:65535/",
    "https://mychart.ucsf.edu:65536/",
    "https://mychart.ucsf.edu:/",
    "https://mychart.ucsf.edu:84a3/",
    "https://mychart.ucsf.edu:1:2/",
    "javascript:alert(1)",
    "file:///etc/passwd",
    "not a url",
    "",
    null,
  ];
  for (const input of inputs) {
    it(`${JSON.stringify(input)}_gives_what_webOrigin_gives`, () => assert.equal(serialisedOrigin(input), webOrigin(input)));
  }

  it("Never_returns_a_path_or_query", () => {
    assert.equal(serialisedOrigin("https://mychart.ucsf.edu/MyChart/Patient/12345?mrn=678"), "https://mychart.ucsf.edu");
  });
});
