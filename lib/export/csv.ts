/**
 * CSV as RFC 4180 describes it (comma-separated, CRLF line ends, a cell quoted when it holds a quote, comma or line
 * break, quotes doubled), made safe to open in a spreadsheet: a cell that begins with =, +, -, @, a tab or a carriage
 * return would be read as a formula (CSV injection), so it is prefixed with an apostrophe.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line, with its CRLF. */
export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** A whole document: the header row, then one row per record. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  let text = csvRow(header);
  for (const row of rows) text += csvRow(row);
  return text;
}
