// The names in a form's data, as both engines' content scripts can read them.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formDataNames } from "../common/form-data.js";

describe("formDataNames", () => {
  it("lists each name of a real FormData once", () => {
    const data = new FormData();
    data.append("username", "patient");
    data.append("password", "x");
    data.append("username", "again");
    assert.deepEqual(formDataNames(data), ["username", "password"]);
  });

  it("reads an iterator that is not iterable itself, as a Firefox content script sees keys() through an Xray", () => {
    const names = ["username", "password"];
    const xrayLike = {
      keys() {
        let index = 0;
        return { next: () => (index < names.length ? { done: false, value: names[index++] } : { done: true, value: undefined }) };
      },
    };
    assert.throws(() => [...xrayLike.keys()], TypeError);
    assert.deepEqual(formDataNames(xrayLike), ["username", "password"]);
  });

  it("returns nothing for empty data", () => {
    assert.deepEqual(formDataNames(new FormData()), []);
  });
});
