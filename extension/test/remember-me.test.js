import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isRememberMeLabel, normaliseLabel } from "../common/remember-me.js";

describe("isRememberMeLabel", () => {
  const rememberMe = [
    "Remember me",
    "  Remember   Me ",
    "Remember my username",
    "Remember this device",
    "Keep me signed in",
    "Keep me logged in",
    "Stay signed in",
    "Trust this browser",
    "Don't ask again on this device",
    "Recordarme",
    "Recuérdame",
    "Mantener la sesión iniciada",
    "Mantenerme conectado",
    "Recordar mi usuario",
    "Confiar en este navegador",
    "Remember this computer",
    "Trust this device",
    "Stay logged in",
    "Mantener la sesión abierta",
    "Recordar este dispositivo",
    "Recordar mi nombre de usuario",
  ];
  for (const label of rememberMe) {
    it(`${JSON.stringify(label)}_offers_to_remember`, () => assert.equal(isRememberMeLabel(label), true));
  }

  const other = [
    "I agree to the terms of use",
    "Show password",
    "Remember to bring your insurance card",
    "Acepto los términos",
    "Mostrar contraseña",
    "Send me text reminders",
    "Keep me informed about news",
    "Recordatorios por correo",
    "",
    "x".repeat(500) + " remember me",
  ];
  for (const label of other) {
    it(`${JSON.stringify(label.slice(0, 40))}_is_left_alone`, () => assert.equal(isRememberMeLabel(label), false));
  }
});

describe("normaliseLabel", () => {
  it("Removes_accents_case_and_extra_spaces", () => {
    assert.equal(normaliseLabel(" Mantener  la SESIÓN\u00a0iniciada "), "mantener la sesion iniciada");
  });
});
