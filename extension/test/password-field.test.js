// Which inputs the pre-login gate treats as a password field: real ones, and text fields the page itself marks as one.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { autocompleteNamesPassword, isPasswordLike, masksTyping } from "../common/password-field.js";

describe("password field rules", () => {
  // [case, facts read off the input, gated as a password]
  const rows = [
    ["real password field", { type: "password" }, true],
    ["real password field whatever it says", { type: "password", autocomplete: "off" }, true],
    ["text field marked current-password", { type: "text", autocomplete: "current-password" }, true],
    ["text field marked new-password", { type: "text", autocomplete: "new-password" }, true],
    ["text field marked in capitals", { type: "text", autocomplete: "Current-Password" }, true],
    ["text field with a section and webauthn", { type: "text", autocomplete: "section-login current-password webauthn" }, true],
    ["text field masked with discs", { type: "text", textSecurity: "disc" }, true],
    ["text field masked with circles", { type: "text", textSecurity: "circle" }, true],
    ["text field masked with squares", { type: "text", textSecurity: "square" }, true],
    ["password shown by its eye button", { type: "text", wasPassword: true }, true],
    ["plain search box", { type: "text", autocomplete: null, textSecurity: "none" }, false],
    ["search box with autocomplete off", { type: "text", autocomplete: "off", textSecurity: "none" }, false],
    ["user name field", { type: "text", autocomplete: "username", textSecurity: "none" }, false],
    ["one-time code field", { type: "text", autocomplete: "one-time-code", textSecurity: "none" }, false],
    ["field with the invalid token password", { type: "text", autocomplete: "password" }, false],
    ["token that only contains current-password", { type: "text", autocomplete: "not-current-password" }, false],
    ["type=search marked current-password", { type: "search", autocomplete: "current-password" }, false],
    ["e-mail field masked", { type: "email", textSecurity: "disc" }, false],
    ["e-mail field once a password", { type: "email", wasPassword: true }, false],
    ["hidden field marked current-password", { type: "hidden", autocomplete: "current-password" }, false],
    ["checkbox", { type: "checkbox" }, false],
    ["text field masked with none", { type: "text", textSecurity: "none" }, false],
    ["nothing at all", undefined, false],
  ];
  for (const [name, facts, gated] of rows) {
    it(`${name.replaceAll(" ", "_")}_is_${gated ? "a_password" : "not_a_password"}`, () => assert.equal(isPasswordLike(facts), gated));
  }

  it("Autocomplete_that_is_not_a_short_string_names_no_password", () => {
    assert.equal(autocompleteNamesPassword(undefined), false);
    assert.equal(autocompleteNamesPassword(42), false);
    assert.equal(autocompleteNamesPassword(`${"x ".repeat(200)}current-password`), false);
  });

  it("Only_a_masking_text_security_masks", () => {
    assert.equal(masksTyping(" disc "), true);
    assert.equal(masksTyping("none"), false);
    assert.equal(masksTyping(""), false);
    assert.equal(masksTyping(null), false);
  });
});
