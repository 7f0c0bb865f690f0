import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv, { type AnySchemaObject, type ValidateFunction } from "ajv-draft-04";
import addFormats from "ajv-formats";

/**
 * The W3C Web Annotation Working Group's MUST assertions (tests/data/w3c-annotation-tests), as a function: which of
 * them an annotation breaks. Each assertion is a draft-04 schema with an `expectedResult`; an annotation passes it
 * when the schema's verdict equals that result. Only the MUSTs count here: SHOULD/MAY assertions describe optional
 * features, and a conforming annotation may lack them.
 */

const DATA = path.resolve(import.meta.dirname, "../data/w3c-annotation-tests");

type Assertion = {
  /** The file's name without `.json` (two files carry an `id` that differs from their name; the name is what the suite lists). */
  name: string;
  validate: ValidateFunction;
  expectValid: boolean;
  /** `onUnexpectedResult`: the suite's harness passes some unexpected verdicts (`passAndContinue`) and fails others. */
  countsAsFailure: boolean;
};

function readJson(file: string): AnySchemaObject {
  return JSON.parse(readFileSync(file, "utf8")) as AnySchemaObject;
}

/** annotationMusts.test is a JSON document whose `assertions` lists the MUST schemas by path relative to the data root. */
function mustAssertionPaths(): string[] {
  const test = readJson(path.join(DATA, "annotations/annotationMusts.test")) as { assertions?: unknown };
  if (!Array.isArray(test.assertions) || !test.assertions.every((entry) => typeof entry === "string")) {
    throw new Error("annotationMusts.test has no list of assertions");
  }
  return test.assertions;
}

function loadAssertion(ajv: Ajv, relativePath: string): Assertion {
  const schema = readJson(path.join(DATA, relativePath));
  const { assertionType, expectedResult, onUnexpectedResult } = schema as Record<string, unknown>;
  // A file we misread would silently weaken every test that trusts the validator: refuse anything unexpected.
  if (assertionType !== "must") throw new Error(`${relativePath}: listed as a MUST but its assertionType is ${String(assertionType)}`);
  if (expectedResult !== "valid" && expectedResult !== "invalid") throw new Error(`${relativePath}: expectedResult ${String(expectedResult)}`);
  if (onUnexpectedResult !== undefined && onUnexpectedResult !== "failAndContinue" && onUnexpectedResult !== "passAndContinue") {
    throw new Error(`${relativePath}: onUnexpectedResult ${String(onUnexpectedResult)} is not one this validator understands`);
  }
  return {
    name: path.basename(relativePath, ".json"),
    validate: ajv.compile(schema),
    expectValid: expectedResult === "valid",
    countsAsFailure: onUnexpectedResult !== "passAndContinue",
  };
}

function build(): Assertion[] {
  // strict: false because the assertions carry the suite's own keys (assertionType, errorMessage, …) beside the schema.
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  // The assertions $ref "annotations.json#/…" and so on: each definitions file is addressed by its relative `id`.
  const definitions = path.join(DATA, "definitions");
  for (const file of readdirSync(definitions).filter((name) => name.endsWith(".json")).sort()) {
    ajv.addSchema(readJson(path.join(definitions, file)));
  }
  return mustAssertionPaths().map((relativePath) => loadAssertion(ajv, relativePath));
}

let assertions: Assertion[] | undefined;
/** Compiled once per test process: compiling 54 schemas with their definitions takes a noticeable moment. */
function mustAssertions(): Assertion[] {
  return (assertions ??= build());
}

/** How many MUST assertions the suite lists (and this validator loaded). */
export const MUST_ASSERTION_COUNT: number = mustAssertionPaths().length;

/** The names of the MUST assertions whose verdict on `annotation` differs from their expected result; [] when it conforms. */
export function mustFailures(annotation: unknown): string[] {
  return mustAssertions()
    .filter((assertion) => assertion.countsAsFailure && Boolean(assertion.validate(annotation)) !== assertion.expectValid)
    .map((assertion) => assertion.name);
}

/** The assertions actually compiled (the test checks this against MUST_ASSERTION_COUNT rather than trust the list). */
export function loadedMustAssertionNames(): string[] {
  return mustAssertions().map((assertion) => assertion.name);
}
