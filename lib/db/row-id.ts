import { z } from "zod";
import { notFound } from "../errors/app-error";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Row ids are PostgreSQL uuids; anything else in a URL cannot name a row, so it is a 404 rather than a query error. */
export function isRowId(value: string): boolean {
  return UUID.test(value);
}

export function assertRowId(value: string): void {
  if (!isRowId(value)) throw notFound();
}

/** A row id in a schema (path parameters, bodies): the same test as isRowId, so both agree on what names a row. */
export const ZRowId = z.string().regex(UUID, "Not an id").meta({ format: "uuid" });
