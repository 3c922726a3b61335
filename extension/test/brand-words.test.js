import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findBrandWords, knownBrandWords } from "../common/brand-words.js";

describe("findBrandWords", () => {
  const rows = [
    ["MyChart - Login Page", ["MyChart"]],
    ["Welcome to MYCHART", ["MyChart"]],
    ["HealtheLife | Patient Portal", ["HealtheLife"]],
    ["Sign in to My HealtheVet", ["My HealtheVet"]],
    ["Sign in to MyHealtheVet", ["My HealtheVet"]],
    ["healow and athenahealth", ["athenahealth", "healow"]],
    ["Epic MyChart", ["MyChart", "Epic"]],
    ["Epicurean recipes", []],
    ["mychartreuse paint", []],
    ["Bank of Example", []],
    ["MyChart2 beta", []],
    ["9MyChart", []],
    ["ZMyChart", []],
    ["@MyChart_portal", ["MyChart"]],
    ["[MyChart]{Epic}", ["MyChart", "Epic"]],
    ["MyChartécran", []],
    ["私のMyChart", []],
    ["«MyChart»", ["MyChart"]],
    ["Epic's portal", ["Epic"]],
    ["MY\u00a0HEALTHEVET sign in", ["My HealtheVet"]],
    ["ｍｙｃｈａｒｔ", ["MyChart"]],
    ["mychartreuse, then MyChart", ["MyChart"]],
    ["", []],
  ];
  for (const [text, expected] of rows) {
    it(`${JSON.stringify(text)}_has_${JSON.stringify(expected)}`, () => assert.deepEqual(findBrandWords(text), expected));
  }
});

describe("knownBrandWords", () => {
  it("Keeps_only_known_words_once_in_list_order", () => {
    assert.deepEqual(knownBrandWords(["healow", "MyChart", "patient 1234", "MyChart", 7]), ["MyChart", "healow"]);
  });

  it("Anything_but_an_array_gives_none", () => {
    assert.deepEqual(knownBrandWords("MyChart"), []);
  });
});
