import { describe, expect, it } from "vitest";
import { checkNewPassword } from "./password-policy.ts";

const nobody = {};

describe("checkNewPassword", () => {
  it("accepts long passphrases and random passwords", () => {
    for (const password of [
      "correct horse battery staple",
      "paarse olifant fietst naar Zwolle",
      "vK3#pQ9!mZ2&xR7w",
      "x9472619384756!",
    ]) {
      expect(checkNewPassword(password, nobody), password).toEqual([]);
    }
  });

  it("counts characters, not UTF-16 units", () => {
    // Eleven emoji are 22 UTF-16 units but 11 characters: too short.
    expect(checkNewPassword("🐘🦒🦓🦏🐊🦛🦘🦔🦉🦚🦜", nobody)).toContain("too_short");
    expect(checkNewPassword("🐘🦒🦓🦏🐊🦛🦘🦔🦉🦚🦜🐢", nobody)).toEqual([]);
  });

  it("refuses fewer than 12 and more than 256 characters", () => {
    expect(checkNewPassword("Xk4!pz9Qm2w", nobody)).toEqual(["too_short"]);
    expect(checkNewPassword("Xk4!pz9Qm2wE", nobody)).toEqual([]);
    const long = "olifant-giraf-zebra-".repeat(13); // 260 characters
    expect(checkNewPassword(long.slice(0, 256), nobody)).toEqual([]);
    expect(checkNewPassword(long, nobody)).toEqual(["too_long"]);
  });

  it("refuses passwords from the common list, in any case", () => {
    expect(checkNewPassword("password1234", nobody)).toEqual(["too_common"]);
    expect(checkNewPassword("PASSWORD1234", nobody)).toEqual(["too_common"]);
    expect(checkNewPassword("1qaz2wsx3edc", nobody)).toEqual(["too_common"]);
  });

  it("refuses a common word with digits and punctuation tacked on", () => {
    expect(checkNewPassword("Wachtwoord2026!", nobody)).toEqual(["too_common"]);
    expect(checkNewPassword("Welkom123!", nobody)).toEqual(["too_short", "too_common"]);
    expect(checkNewPassword("Welkom12345678!", nobody)).toEqual(["too_common"]);
    expect(checkNewPassword("Iloveyou2026!!", nobody)).toEqual(["too_common"]);
  });

  it("refuses the Dutch choices the common list misses", () => {
    for (const password of ["Zomer2026!!!!", "voorjaar2025!", "Notaris12345!", "Poort2026!!!!"]) {
      expect(checkNewPassword(password, nobody), password).toEqual(["too_common"]);
    }
  });

  it("refuses keyboard walks, sequences and repetition", () => {
    for (const password of [
      "qwertyuiopas",
      "azertyuiopqsd",
      "Poiuytrewq12!", // a row backwards
      "abcdefghijklm",
      "123456789012",
      "aaaaaaaaaaaa",
      "abcabcabcabc",
      "Hallo!Hallo!Hallo!",
    ]) {
      expect(checkNewPassword(password, nobody), password).toEqual(["too_common"]);
    }
  });

  it("refuses a password containing the e-mail address or the name", () => {
    const context = { email: "jan.jansen@example.nl", name: "Jan Jansen" };
    expect(checkNewPassword("JanJansen!2026xyz", context)).toEqual(["contains_personal_data"]);
    expect(checkNewPassword("mijn-jan.jansen-sleutel", context)).toEqual([
      "contains_personal_data",
    ]);
    expect(checkNewPassword("zeilboot JANSEN varen", { email: "jan.jansen@example.nl" })).toEqual([
      "contains_personal_data",
    ]);
    expect(checkNewPassword("hallo Anne-Marie", { name: "Anne-Marie de Vries" })).toEqual([
      "contains_personal_data",
    ]);
    expect(checkNewPassword("blauwe fiets van Zoë", { name: "Zoe van Dijk" })).toEqual([]);
    expect(checkNewPassword("blauwe fiets van Jöran", { name: "Joran van Dijk" })).toEqual([
      "contains_personal_data",
    ]);
  });

  it("ignores name parts shorter than four characters", () => {
    const context = { email: "jan.de.vos@example.nl", name: "Jan de Vos" };
    expect(checkNewPassword("januari de vossenjacht", context)).toEqual([]);
  });

  it("reports every problem at once", () => {
    expect(checkNewPassword("Brinkhorst1", { name: "Piet Brinkhorst" })).toEqual([
      "too_short",
      "contains_personal_data",
    ]);
  });
});
