import { describe, expect, it } from "vitest";
import {
  COMMON_PASSWORD_MESSAGE,
  countPasswordCharacters,
  PASSWORD_MAX_CHARACTERS,
  PASSWORD_MIN_CHARACTERS,
  passwordProblems,
  ZNewPassword,
} from "@/lib/auth/password/password-policy";

function messagesOf(plain: string): string[] {
  const result = ZNewPassword.safeParse(plain);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("ZNewPassword", () => {
  it("exports its limits", () => {
    expect(PASSWORD_MIN_CHARACTERS).toBe(12);
    expect(PASSWORD_MAX_CHARACTERS).toBe(1024);
  });

  it("refuses 11 characters and accepts 12", () => {
    expect(messagesOf("abcdefghijk")).toEqual(["Use at least 12 characters (this has 11)."]);
    expect(ZNewPassword.parse("abcdefghijkl")).toBe("abcdefghijkl");
  });

  it("counts code points, not UTF-16 units", () => {
    const sixEmoji = "😀🎉🚀🌍🔥🦊";
    expect(sixEmoji).toHaveLength(12);
    expect(countPasswordCharacters(sixEmoji)).toBe(6);
    expect(messagesOf(sixEmoji)).toEqual(["Use at least 12 characters (this has 6)."]);
    expect(ZNewPassword.safeParse(sixEmoji.repeat(2)).success).toBe(true);
  });

  it("accepts up to 1,024 characters untouched and refuses more, saying why", () => {
    const longest = "ab cd ".repeat(200).slice(0, 1024);
    expect(ZNewPassword.parse(longest)).toBe(longest);
    const [message] = messagesOf(longest + "x");
    expect(message).toContain("1,024");
    expect(message).toContain("absurdly long");
  });

  it("does not trim", () => {
    expect(ZNewPassword.parse("  spaced out phrase  ")).toBe("  spaced out phrase  ");
    // 12 with its spaces: the spaces count as characters.
    expect(ZNewPassword.safeParse("   abcdef   ").success).toBe(true);
  });

  it("refuses common passwords of 12 or more characters, ignoring case", () => {
    expect(COMMON_PASSWORD_MESSAGE).toBe("This password is among the 3,000 most common; choose another.");
    for (const common of ["qwerty123456", "1qaz2wsx3edc", "123qweasdzxc", "QWERTY123456", "1Q2W3E4R5T6Y"]) {
      expect(messagesOf(common)).toEqual([COMMON_PASSWORD_MESSAGE]);
    }
  });
});

describe("passwordProblems", () => {
  const email = "Ada.Lovelace@example.org";

  it("accepts a sound password", () => {
    expect(passwordProblems("ink on the margins of 1928", { email, displayName: "Ada" })).toEqual([]);
  });

  it("refuses the email or its local part, ignoring case", () => {
    expect(passwordProblems("ada.lovelace@example.org", { email })).toEqual([
      "Choose a password that is not your email address or the part before its @.",
    ]);
    expect(passwordProblems("ADA.LOVELACE", { email })).toEqual([
      "Choose a password that is not your email address or the part before its @.",
    ]);
    expect(passwordProblems("ada.lovelace!", { email })).toEqual([]);
  });

  it("refuses the display name, ignoring case", () => {
    expect(passwordProblems("countess of lovelace", { displayName: "Countess of Lovelace" })).toEqual([
      "Choose a password that is not your display name.",
    ]);
  });

  it("also reports what ZNewPassword reports", () => {
    expect(passwordProblems("short", { email })).toEqual(["Use at least 12 characters (this has 5)."]);
    expect(passwordProblems("Qwerty123456")).toEqual([COMMON_PASSWORD_MESSAGE]);
  });
});
