/** RFC 4180 read back for tests: quoted cells may hold commas, doubled quotes and line breaks; rows end with CRLF. */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (cell += '"'), (i += 1);
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") row.push(cell), (cell = "");
    else if (char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      (row = []), (cell = ""), (i += 1);
    } else cell += char;
  }
  return rows;
}

/** The rows after the header, as records by column name. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...body] = parseCsvRows(text);
  return body.map((cells) => Object.fromEntries(header!.map((name, index) => [name, cells[index] ?? ""])));
}
