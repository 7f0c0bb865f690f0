import { describe, expect, it } from "vitest";
import { csvCell, csvRow, toCsv } from "@/lib/export/csv";

describe("CSV builder", () => {
  it("leaves plain cells alone and writes nothing for null and undefined", () => {
    expect(csvRow(["approve", "Ada Reviewer", null, undefined, 3])).toBe("approve,Ada Reviewer,,,3\r\n");
  });

  it("quotes cells holding commas, quotes and line breaks, doubling the quotes", () => {
    expect(csvCell("one, two")).toBe('"one, two"');
    expect(csvCell('He said "no"')).toBe('"He said ""no"""');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("carriage\rreturn")).toBe('"carriage\rreturn"');
  });

  it("defuses cells a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tindented")).toBe("'\tindented");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("writes a header row before the records, each line ending in CRLF", () => {
    expect(toCsv(["time", "action"], [["2026-11-25T10:00:00.000Z", "hide"], ["2026-11-24T09:00:00.000Z", "flag"]])).toBe(
      "time,action\r\n2026-11-25T10:00:00.000Z,hide\r\n2026-11-24T09:00:00.000Z,flag\r\n",
    );
  });
});
