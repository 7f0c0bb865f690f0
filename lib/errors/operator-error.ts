/** A failure a person can act on: one line saying what is wrong and how to fix it. */
export class OperatorError extends Error {
  constructor(
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${problem} — ${fix}`);
    this.name = "OperatorError";
  }
}
