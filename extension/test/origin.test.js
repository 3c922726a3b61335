import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { webOrigin } from "../common/origin.js";

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
