/**
 * How deeply a JSON text nests, measured on the text itself before JSON.parse: any recursive walk of the parsed
 * value (a reviver, normaliseJsonText, parseAnnotation) would overflow the stack on `[[[[…]]]]` 10,000 deep, and a
 * RangeError is not an answer. One pass, constant memory; brackets inside strings do not count.
 */

const OPEN_BRACE = 0x7b; // {
const OPEN_BRACKET = 0x5b; // [
const CLOSE_BRACE = 0x7d; // }
const CLOSE_BRACKET = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * Whether `text` opens more than `max` objects and arrays inside one another at some point. Malformed JSON is
 * measured as far as it goes (JSON.parse refuses it afterwards); an unterminated string simply ends the scan.
 */
export function exceedsJsonDepth(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (inString) {
      if (unit === BACKSLASH) index += 1; // The escaped unit, even a quote, cannot end the string.
      else if (unit === QUOTE) inString = false;
    } else if (unit === QUOTE) {
      inString = true;
    } else if (unit === OPEN_BRACE || unit === OPEN_BRACKET) {
      depth += 1;
      if (depth > max) return true;
    } else if (unit === CLOSE_BRACE || unit === CLOSE_BRACKET) {
      depth -= 1;
    }
  }
  return false;
}
