import { describe, expect, it } from "vitest";
import { checkRequirements, type Requirements, type WorkItem } from "@/lib/teaching/requirements";
import { formatInZone, instantToWallClock, normalizeTimeZone, wallClockToInstant } from "@/lib/teaching/assignment-time";
import { ZCreateAssignment, ZUpdateAssignment, resolveAssignmentDates } from "@/lib/teaching/assignment-schemas";

const at = (iso: string) => new Date(iso);
const note = (iso: string, referenceType = "person"): WorkItem => ({ kind: "note", createdAt: at(iso), referenceType });
const reply = (iso: string): WorkItem => ({ kind: "reply", createdAt: at(iso) });

// Due 1 December 2026 23:59 in Berlin (CET, +01:00) = 22:59Z.
const DUE = "2026-12-01T22:59:00.000Z";
const base: Requirements = { minNotes: 2, minReplies: 1, requiredTypes: [], dueAt: at(DUE) };
const BEFORE = "2026-11-30T10:00:00.000Z";
const AFTER_DUE = "2026-12-05T10:00:00.000Z";

describe("checkRequirements: status", () => {
  it("no work is 'not started', before and after the due date; after it the student is overdue", () => {
    expect(checkRequirements(base, [], at(BEFORE))).toMatchObject({ status: "not started", overdue: false, met: false, firstActivity: null });
    expect(checkRequirements(base, [], at(AFTER_DUE))).toMatchObject({ status: "not started", overdue: true });
  });

  it("some work before the due date, not all of it, is 'in progress' (still so once the date passes, but overdue)", () => {
    const work = [note("2026-11-29T09:00:00Z")];
    expect(checkRequirements(base, work, at(BEFORE))).toMatchObject({ status: "in progress", notes: 1, replies: 0, notesMet: false, overdue: false });
    expect(checkRequirements(base, work, at(AFTER_DUE))).toMatchObject({ status: "in progress", overdue: true });
  });

  it("met before the due date is 'requirements met', with metAt the piece of work that completed them", () => {
    const work = [reply("2026-11-29T12:00:00Z"), note("2026-11-29T09:00:00Z"), note("2026-11-30T08:00:00Z")];
    const check = checkRequirements(base, work, at(AFTER_DUE));
    expect(check).toMatchObject({ status: "requirements met", met: true, notes: 2, replies: 1, overdue: false });
    expect(check.metAt).toEqual(at("2026-11-30T08:00:00Z"));
    expect(check.firstActivity).toEqual(at("2026-11-29T09:00:00Z"));
    expect(check.lastActivity).toEqual(at("2026-11-30T08:00:00Z"));
  });

  it("work exactly at the due instant is on time; one millisecond later is late", () => {
    const onTime = [note("2026-11-29T09:00:00Z"), reply("2026-11-29T10:00:00Z"), note(DUE)];
    expect(checkRequirements(base, onTime, at(AFTER_DUE)).status).toBe("requirements met");
    const late = [note("2026-11-29T09:00:00Z"), reply("2026-11-29T10:00:00Z"), note("2026-12-01T22:59:00.001Z")];
    expect(checkRequirements(base, late, at(AFTER_DUE))).toMatchObject({ status: "late", met: true });
  });

  it("met only after the due date is 'late', even if most of the work was on time", () => {
    const work = [note("2026-11-29T09:00:00Z"), note("2026-11-29T10:00:00Z"), reply(AFTER_DUE)];
    expect(checkRequirements(base, work, at(AFTER_DUE))).toMatchObject({ status: "late", metAt: at(AFTER_DUE) });
  });

  it("work added after the requirements were met on time does not make it late", () => {
    const work = [note("2026-11-29T09:00:00Z"), note("2026-11-29T10:00:00Z"), reply("2026-11-29T11:00:00Z"), note(AFTER_DUE)];
    expect(checkRequirements(base, work, at(AFTER_DUE))).toMatchObject({ status: "requirements met", notes: 3, lastActivity: at(AFTER_DUE) });
  });

  it("not met, with some work after the due date, is 'late'", () => {
    const work = [note(AFTER_DUE)];
    expect(checkRequirements(base, work, at(AFTER_DUE))).toMatchObject({ status: "late", met: false, overdue: true });
  });

  it("required reference types are covered by notes only, each at least once", () => {
    const requirements = { ...base, minNotes: 1, minReplies: 0, requiredTypes: ["person", "event", "person"] };
    const partly = checkRequirements(requirements, [note("2026-11-29T09:00:00Z", "person"), note("2026-11-29T10:00:00Z", "place")], at(BEFORE));
    expect(partly).toMatchObject({ status: "in progress", coveredTypes: ["person"], missingTypes: ["event"], typesMet: false, notesMet: true });
    const all = checkRequirements(requirements, [note("2026-11-29T09:00:00Z", "person"), note("2026-11-29T10:00:00Z", "event")], at(BEFORE));
    expect(all).toMatchObject({ status: "requirements met", coveredTypes: ["person", "event"], missingTypes: [] });
  });

  it("an assignment asking only for replies is met by replies", () => {
    const requirements = { ...base, minNotes: 0, minReplies: 2 };
    expect(checkRequirements(requirements, [reply("2026-11-29T09:00:00Z")], at(BEFORE)).status).toBe("in progress");
    expect(checkRequirements(requirements, [reply("2026-11-29T09:00:00Z"), reply("2026-11-29T09:05:00Z")], at(BEFORE)).status).toBe("requirements met");
  });
});

describe("wall-clock times and instants", () => {
  it("reads a wall-clock time in the assignment's zone, not the server's", () => {
    expect(wallClockToInstant("2026-12-01T23:59", "Europe/Berlin")).toEqual(at(DUE));
    expect(wallClockToInstant("2026-12-01T23:59", "America/New_York")).toEqual(at("2026-12-02T04:59:00Z"));
    expect(wallClockToInstant("2026-12-01T23:59", "Asia/Kolkata")).toEqual(at("2026-12-01T18:29:00Z"));
    expect(wallClockToInstant("2026-12-01T23:59", "UTC")).toEqual(at("2026-12-01T23:59:00Z"));
  });

  it("the same wall-clock due time is a different instant in different zones, so the same work can be late in one", () => {
    const submitted = [note("2026-12-02T00:30:00Z")];
    const requirements = { ...base, minNotes: 1, minReplies: 0 };
    const berlin = wallClockToInstant("2026-12-01T23:59", "Europe/Berlin")!;
    const newYork = wallClockToInstant("2026-12-01T23:59", "America/New_York")!;
    expect(checkRequirements({ ...requirements, dueAt: berlin }, submitted, at(AFTER_DUE)).status).toBe("late");
    expect(checkRequirements({ ...requirements, dueAt: newYork }, submitted, at(AFTER_DUE)).status).toBe("requirements met");
  });

  it("refuses a time skipped when the clocks go forward (Berlin, 29 March 2026, 02:00–03:00)", () => {
    expect(wallClockToInstant("2026-03-29T02:30", "Europe/Berlin")).toBeNull();
    expect(wallClockToInstant("2026-03-29T01:59", "Europe/Berlin")).toEqual(at("2026-03-29T00:59:00Z"));
    expect(wallClockToInstant("2026-03-29T03:00", "Europe/Berlin")).toEqual(at("2026-03-29T01:00:00Z"));
  });

  it("a time repeated when the clocks go back means the later instant (Berlin, 25 October 2026, 02:30)", () => {
    expect(wallClockToInstant("2026-10-25T02:30", "Europe/Berlin")).toEqual(at("2026-10-25T01:30:00Z"));
  });

  it("a due date across a DST change is still exact: 24 wall-clock hours can be 25 real hours", () => {
    const opens = wallClockToInstant("2026-10-24T12:00", "Europe/Berlin")!;
    const due = wallClockToInstant("2026-10-25T12:00", "Europe/Berlin")!;
    expect((due.getTime() - opens.getTime()) / 3_600_000).toBe(25);
  });

  it("refuses malformed and impossible dates", () => {
    for (const bad of ["2026-02-30T10:00", "2026-13-01T10:00", "2026-12-01 10:00", "2026-12-01T24:00", "tomorrow"]) {
      expect(wallClockToInstant(bad, "Europe/Berlin")).toBeNull();
    }
  });

  it("shows an instant as the wall-clock time of the assignment's zone", () => {
    expect(instantToWallClock(at(DUE), "Europe/Berlin")).toBe("2026-12-01T23:59");
    expect(instantToWallClock(at(DUE), "America/Los_Angeles")).toBe("2026-12-01T14:59");
    expect(formatInZone(at(DUE), "Europe/Berlin")).toBe("1 December 2026 at 23:59 (Europe/Berlin)");
  });

  it("knows IANA zone names and nothing else", () => {
    expect(normalizeTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(normalizeTimeZone("europe/berlin")).toBe("Europe/Berlin");
    expect(normalizeTimeZone("UTC")).toBe("UTC");
    expect(normalizeTimeZone("Mars/Olympus_Mons")).toBeNull();
    expect(normalizeTimeZone("+01:00")).toBeNull();
    expect(normalizeTimeZone("")).toBeNull();
  });
});

describe("assignment schemas", () => {
  const valid = {
    title: "Trotsky on the Opposition",
    instructions: "Annotate **every** person named.",
    fromParagraph: "p3",
    toParagraph: "p8",
    opensAt: "2026-11-26T09:00",
    dueAt: "2026-12-01T23:59",
    timeZone: "Europe/Berlin",
  };

  it("takes a valid assignment with defaults", () => {
    const parsed = ZCreateAssignment.parse(valid);
    expect(parsed).toMatchObject({ minNotes: 1, minReplies: 0, requiredTypes: [], peerVisibility: "always", maxPoints: null, rubric: [] });
    expect(resolveAssignmentDates(parsed)).toEqual({ ok: true, dates: { opensAt: at("2026-11-26T08:00:00Z"), dueAt: at(DUE), timeZone: "Europe/Berlin" } });
  });

  const fieldsOf = (input: unknown) => {
    const result = ZCreateAssignment.safeParse(input);
    return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
  };

  it("a due date before (or at) the opening date is refused on dueAt", () => {
    expect(fieldsOf({ ...valid, dueAt: "2026-11-20T10:00" })).toEqual({ dueAt: "The due date must be after the opening date" });
    expect(fieldsOf({ ...valid, dueAt: valid.opensAt })).toEqual({ dueAt: "The due date must be after the opening date" });
  });

  it("an unknown zone is refused on timeZone", () => {
    expect(fieldsOf({ ...valid, timeZone: "Europe/Atlantis" })).toEqual({ timeZone: expect.stringContaining("Not a time zone") });
  });

  it("a skipped hour is refused on its field", () => {
    expect(fieldsOf({ ...valid, opensAt: "2026-03-29T02:15" })).toEqual({ opensAt: expect.stringContaining("does not exist") });
  });

  it("requires some work, and a rubric within the maximum", () => {
    expect(fieldsOf({ ...valid, minNotes: 0, minReplies: 0 })).toEqual({ minNotes: "Require at least one note or one reply" });
    expect(fieldsOf({ ...valid, rubric: [{ criterion: "Sources", points: 5 }] })).toEqual({ maxPoints: "A rubric needs the maximum points" });
    expect(fieldsOf({ ...valid, maxPoints: 8, rubric: [{ criterion: "Sources", points: 5 }, { criterion: "Style", points: 5 }] })).toEqual({
      rubric: expect.stringContaining("add up to 10 points"),
    });
  });

  it("an update needs something to change, and knows the states", () => {
    expect(ZUpdateAssignment.safeParse({}).success).toBe(false);
    expect(ZUpdateAssignment.safeParse({ state: "published" }).success).toBe(true);
    expect(ZUpdateAssignment.safeParse({ state: "archived" }).success).toBe(false);
  });
});
