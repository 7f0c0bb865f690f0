import { AppError } from "../errors/app-error";
import { verifyTarget } from "../anchoring/verify-selector";

/** Refuses a passage whose quote is not at its position in the paragraph (400, with the reason beside the quote). */
export function checkPassage(
  paragraphText: string,
  quote: { exact: string; prefix: string; suffix: string },
  position: { start: number; end: number },
) {
  const result = verifyTarget(paragraphText, {
    quote: { type: "TextQuoteSelector", ...quote },
    position: { type: "TextPositionSelector", ...position },
  });
  if (!result.ok) {
    throw new AppError("bad_request", "Invalid input", { fields: { quote: [`The quoted passage is not in this paragraph (${result.error})`] } });
  }
}
