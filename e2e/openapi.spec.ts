import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { DEMO_PASSWORD, newTestUser, originHeaders, postCredentials, signUpByApi } from "./support/accounts";

type Doc = {
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, { $ref?: string; content?: Record<string, { schema: unknown }> }> }>>;
  components: { responses: Record<string, { content?: Record<string, { schema: unknown }> }> };
};

const SLUG = "reply-to-stalin";
const MISSING = "00000000-0000-4000-8000-000000000000";

/**
 * Real answers from the running server, each checked against the OpenAPI document it serves: the status must be one
 * the operation declares, and a JSON body must validate against that status's schema (JSON Schema 2020-12, as
 * OpenAPI 3.1 uses). Success and error answers both, signed in and not, cookie and token.
 */
test("a sample of real answers validates against /api/openapi.json", async ({ baseURL, playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const described = await anonymous.get("/api/openapi.json");
  expect(described.status()).toBe(200);
  const doc = (await described.json()) as Doc;
  expect((doc as unknown as { openapi: string }).openapi).toBe("3.1.0");

  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc as object, "openapi");
  const checked: string[] = [];

  /** Finds the operation of a path template, then checks the answer's status and body against it. */
  async function expectDescribed(method: string, template: string, response: APIResponse) {
    const operation = doc.paths[template]?.[method.toLowerCase()];
    expect(operation, `${method} ${template} is in the document`).toBeTruthy();
    const status = String(response.status());
    const declared = operation!.responses[status];
    expect(declared, `${method} ${template} declares ${status}: ${await response.text()}`).toBeTruthy();
    const answer = declared!.$ref ? doc.components.responses[declared!.$ref.split("/").pop()!] : declared!;
    const json = answer?.content?.["application/json"];
    if (json) {
      const pointer = declared!.$ref
        ? `openapi#/components/responses/${declared!.$ref.split("/").pop()}/content/application~1json/schema`
        : `openapi#/paths/${template.replaceAll("~", "~0").replaceAll("/", "~1")}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
      const validate = ajv.getSchema(pointer) ?? ajv.compile({ $ref: pointer });
      const body = await response.json();
      expect(validate(body), `${method} ${template} ${status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`).toBe(true);
    }
    checked.push(`${operation!.operationId} ${status}`);
  }

  async function call(request: APIRequestContext, method: string, template: string, path: string, options: { data?: unknown; headers?: Record<string, string> } = {}) {
    const response = await request.fetch(path, { method, data: options.data as never, headers: options.headers });
    await expectDescribed(method, template, response);
    return response;
  }

  // Anonymous readers.
  await call(anonymous, "GET", "/api/health", "/api/health");
  await call(anonymous, "GET", "/api/documents", "/api/documents");
  await call(anonymous, "GET", "/api/documents/{slug}", `/api/documents/${SLUG}`);
  await call(anonymous, "GET", "/api/documents/{slug}", "/api/documents/no-such-letter");
  await call(anonymous, "GET", "/api/documents/{slug}/notes", `/api/documents/${SLUG}/notes?limit=5`);
  await call(anonymous, "GET", "/api/documents/{slug}/notes", `/api/documents/${SLUG}/notes?limit=nine`);
  await call(anonymous, "GET", "/api/documents/{slug}/search", `/api/documents/${SLUG}/search?q=Stalin`);
  await call(anonymous, "GET", "/api/references", "/api/references");
  await call(anonymous, "GET", "/api/notes/{noteId}", `/api/notes/${MISSING}`);
  await call(anonymous, "POST", "/api/documents/{slug}/notes", `/api/documents/${SLUG}/notes`, {
    headers: originHeaders(baseURL),
    data: { paragraph: "p3", referenceType: "person", body: "Not signed in", visibility: "private" },
  });

  // A signed-in researcher, with a cookie.
  const user = newTestUser("openapi");
  const researcher = await playwright.request.newContext({ baseURL });
  await signUpByApi(researcher, baseURL, user);
  expect((await postCredentials(researcher, baseURL, user.email, user.password)).status()).toBe(200);
  const headers = originHeaders(baseURL);
  const created = await call(researcher, "POST", "/api/documents/{slug}/notes", `/api/documents/${SLUG}/notes`, {
    headers,
    data: { paragraph: "p3", referenceType: "organisation", body: "On the **G.P.U.** — checked against the document.", visibility: "private" },
  });
  expect(created.status()).toBe(201);
  const note = (await created.json()) as { id: string; version: number };
  await call(researcher, "POST", "/api/documents/{slug}/notes", `/api/documents/${SLUG}/notes`, { headers, data: { paragraph: "p3", body: "" } });
  await call(researcher, "POST", "/api/documents/{slug}/notes", `/api/documents/${SLUG}/notes`, { headers: { ...headers, "Content-Type": "text/plain" }, data: "plain" });
  await call(researcher, "GET", "/api/notes/{noteId}", `/api/notes/${note.id}`);
  await call(researcher, "PATCH", "/api/notes/{noteId}", `/api/notes/${note.id}`, { headers: { ...headers, "If-Match": `"${note.version}"` }, data: { body: "On the G.P.U., revised." } });
  await call(researcher, "PATCH", "/api/notes/{noteId}", `/api/notes/${note.id}`, { headers: { ...headers, "If-Match": `"${note.version}"` }, data: { body: "A stale edit." } });
  await call(researcher, "GET", "/api/notes/{noteId}/history", `/api/notes/${note.id}/history`);
  await call(researcher, "POST", "/api/notes/{noteId}/replies", `/api/notes/${note.id}/replies`, { headers, data: { body: "A reply of my own." } });
  await call(researcher, "GET", "/api/notifications", "/api/notifications");
  await call(researcher, "GET", "/api/account/sessions", "/api/account/sessions");
  const group = await call(researcher, "POST", "/api/groups", "/api/groups", { headers, data: { kind: "research", name: "OpenAPI check group" } });
  const groupId = ((await group.json()) as { id: string }).id;
  await call(researcher, "POST", "/api/groups/{groupId}/invites", `/api/groups/${groupId}/invites`, { headers, data: { expiresInDays: 7 } });
  await call(researcher, "GET", "/api/moderation/queue", "/api/moderation/queue");
  const token = await call(researcher, "POST", "/api/account/tokens", "/api/account/tokens", { headers, data: { name: "openapi check", scope: "read" } });
  await call(researcher, "GET", "/api/account/tokens", "/api/account/tokens");
  // A write without a JSON media type is refused (a cross-site form cannot send one), even without a body.
  await call(researcher, "DELETE", "/api/notes/{noteId}", `/api/notes/${note.id}`, { headers });
  await call(researcher, "DELETE", "/api/notes/{noteId}", `/api/notes/${note.id}`, { headers: { ...headers, "Content-Type": "application/json" } });

  // A script with a read token: reads, and is refused a write and the session-only routes.
  const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${((await token.json()) as { token: string }).token}` } });
  await call(script, "GET", "/api/documents/{slug}/notes", `/api/documents/${SLUG}/notes?limit=2`);
  await call(script, "GET", "/api/account/tokens", "/api/account/tokens");
  await call(script, "POST", "/api/groups", "/api/groups", { data: { kind: "research", name: "Written by a read token" } });
  const badToken = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: "Bearer mgl_pat_not-a-real-token" } });
  await call(badToken, "GET", "/api/notifications", "/api/notifications");

  // The reviewer's tools.
  const reviewer = await playwright.request.newContext({ baseURL });
  expect((await postCredentials(reviewer, baseURL, "reviewer@demo.marginalia", DEMO_PASSWORD)).status()).toBe(200);
  await call(reviewer, "GET", "/api/moderation/queue", "/api/moderation/queue");
  await call(reviewer, "GET", "/api/moderation/log", "/api/moderation/log");

  for (const context of [anonymous, researcher, script, badToken, reviewer]) await context.dispose();
  // Every status family the sample set out to reach was reached (the document is not checked on successes alone).
  for (const status of ["200", "201", "204", "400", "401", "403", "404", "412", "415"]) {
    expect(checked.some((entry) => entry.endsWith(` ${status}`)), `a ${status} among ${checked.join(", ")}`).toBe(true);
  }
});
