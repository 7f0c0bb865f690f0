import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { initialModerationStatus, type InitialStatusFacts } from "@/lib/moderation/initial-status";
import { ZDecision, ZFlag } from "@/lib/moderation/moderation-schemas";

const facts = (overrides: Partial<InitialStatusFacts> & { trusted?: boolean; siteRole?: InitialStatusFacts["writer"]["siteRole"] }): InitialStatusFacts => ({
  visibility: overrides.visibility ?? "public",
  writer: { siteRole: overrides.siteRole ?? "researcher", trusted: overrides.trusted ?? false },
  groupMode: overrides.groupMode ?? null,
  writerGroupRole: overrides.writerGroupRole ?? null,
});

describe("pre-moderation: the status a new note or reply starts in", () => {
  it("a public item waits unless its writer is trusted, a reviewer or an admin", () => {
    expect(initialModerationStatus(facts({}))).toBe("pending");
    expect(initialModerationStatus(facts({ trusted: true }))).toBe("approved");
    expect(initialModerationStatus(facts({ siteRole: "reviewer" }))).toBe("approved");
    expect(initialModerationStatus(facts({ siteRole: "admin" }))).toBe("approved");
    // Group staff is no site-wide trust.
    expect(initialModerationStatus(facts({ writerGroupRole: "owner" }))).toBe("pending");
  });

  it("a group item waits only in a premoderated group, and not when its owners or moderators write it", () => {
    expect(initialModerationStatus(facts({ visibility: "group", groupMode: "open", writerGroupRole: "member" }))).toBe("approved");
    expect(initialModerationStatus(facts({ visibility: "group", groupMode: "premoderated", writerGroupRole: "member" }))).toBe("pending");
    expect(initialModerationStatus(facts({ visibility: "group", groupMode: "premoderated", writerGroupRole: "member", trusted: true }))).toBe("pending");
    expect(initialModerationStatus(facts({ visibility: "group", groupMode: "premoderated", writerGroupRole: "moderator" }))).toBe("approved");
    expect(initialModerationStatus(facts({ visibility: "group", groupMode: "premoderated", writerGroupRole: "owner" }))).toBe("approved");
  });

  it("a private item never waits", () => {
    expect(initialModerationStatus(facts({ visibility: "private" }))).toBe("approved");
    expect(initialModerationStatus(facts({ visibility: "private", groupMode: "premoderated" }))).toBe("approved");
  });
});

describe("moderation input", () => {
  it("flags: the six reasons ('off-topic' as an alias), an optional comment of at most 1,000 characters", () => {
    expect(ZFlag.parse({ reason: "off-topic" })).toEqual({ reason: "off_topic" });
    expect(ZFlag.parse({ reason: "spam", comment: "  " })).toEqual({ reason: "spam" });
    for (const reason of ["inaccurate", "offensive", "spam", "copyright", "off_topic", "other"]) expect(ZFlag.safeParse({ reason }).success).toBe(true);
    const unknown = ZFlag.safeParse({ reason: "rude" });
    expect(unknown.error?.issues[0]).toMatchObject({ path: ["reason"], message: expect.stringContaining("Choose a reason") });
    expect(ZFlag.safeParse({ reason: "spam", comment: "x".repeat(1001) }).success).toBe(false);
    expect(ZFlag.safeParse({ reason: "spam", flaggerId: "someone" }).success).toBe(false);
  });

  it("decisions: a known action and the revision it is based on; hide and suspend say why (3–500 characters)", () => {
    expect(ZDecision.parse({ action: "approve", basedOn: 0 })).toEqual({ action: "approve", basedOn: 0 });
    expect(ZDecision.safeParse({ action: "hide", basedOn: 2 }).error?.issues[0].path).toEqual(["reason"]);
    expect(ZDecision.safeParse({ action: "suspend", basedOn: 2 }).success).toBe(false);
    expect(ZDecision.safeParse({ action: "hide", reason: "ok", basedOn: 2 }).success).toBe(false);
    expect(ZDecision.safeParse({ action: "hide", reason: "x".repeat(501), basedOn: 2 }).success).toBe(false);
    expect(ZDecision.parse({ action: "hide", reason: "  Unsupported claim ", basedOn: 2 }).reason).toBe("Unsupported claim");
    expect(ZDecision.safeParse({ action: "delete", basedOn: 0 }).success).toBe(false);
    expect(ZDecision.safeParse({ action: "approve", basedOn: -1 }).success).toBe(false);
    expect(ZDecision.safeParse({ action: "approve", basedOn: "0" }).success).toBe(false);
  });
});

describe("the moderation trail is append-only in the code too", () => {
  function sources(directory: string): string[] {
    return readdirSync(directory).flatMap((name) => {
      const full = path.join(directory, name);
      if (name === "node_modules" || name === "generated" || name.startsWith(".")) return [];
      if (statSync(full).isDirectory()) return sources(full);
      return /\.(ts|tsx)$/.test(name) ? [full] : [];
    });
  }

  it("no code path updates, upserts or deletes a moderation record, through Prisma or SQL", () => {
    const offenders = ["lib", "app", "components", "scripts"].flatMap(sources).filter((file) => {
      const text = readFileSync(file, "utf8");
      return /moderationRecord\s*\.\s*(update|updateMany|upsert|delete|deleteMany)\b/.test(text) || /(UPDATE|DELETE\s+FROM|TRUNCATE)\s+(TABLE\s+)?"?ModerationRecord"?/i.test(text);
    });
    expect(offenders).toEqual([]);
  });
});
