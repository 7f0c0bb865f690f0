import { AppError } from "../errors/app-error";

export type TPassageRangeProblem = "not-an-integer" | "empty-range" | "out-of-range" | "too-long";

/** A selection that cannot become a passage. A bad request: entry points answer 400 like any AppError. */
export class PassageRangeError extends AppError {
  constructor(
    readonly problem: TPassageRangeProblem,
    message: string,
  ) {
    super("bad_request", message);
    this.name = "PassageRangeError";
  }
}
