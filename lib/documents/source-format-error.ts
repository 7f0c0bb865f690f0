/** A source file that cannot be read as an edition. The message says where and what, for a person to fix. */
export class SourceFormatError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = "SourceFormatError";
  }
}
