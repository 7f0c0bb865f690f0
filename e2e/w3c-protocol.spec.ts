import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { newTestUser, originHeaders, signInByApi, signUpByApi } from "./support/accounts";
import { createNote } from "./support/notes";

const SLUG = "reply-to-stalin";
const CONTAINER = `/annotations/${SLUG}/`;
const LD_JSON = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

function paragraphAnnotation(baseURL: string, text: string, extra: Record<string, unknown> = {}) {
  return {
    "@context": ["http://www.w3.org/ns/anno.jsonld", `${baseURL}/ns/marginalia.jsonld`],
    type: "Annotation",
    body: { type: "TextualBody", value: text, format: "text/markdown", purpose: "commenting" },
    target: { source: `${baseURL}/letters/${SLUG}`, selector: { type: "FragmentSelector", conformsTo: "http://tools.ietf.org/rfc/rfc3986", value: "p3" } },
    ...extra,
  };
}

/** A client of our own with no cookies at all: what a script elsewhere is. */
async function scriptClient(playwright: { request: { newContext: (options: { baseURL?: string; extraHTTPHeaders?: Record<string, string> }) => Promise<APIRequestContext> } }, baseURL: string, token?: string) {
  return playwright.request.newContext({ baseURL, extraHTTPHeaders: token ? { Authorization: `Bearer ${token}` } : {} });
}

test("a token made on /account works from a script against the JSON API and the W3C protocol, and stops when revoked", async ({ page, baseURL, playwright }) => {
  const user = newTestUser("w3c");
  await signUpByApi(page.request, baseURL, user);
  await signInByApi(page, baseURL, user.email, user.password);

  await page.goto("/account");
  const form = page.getByRole("form", { name: "New token" });
  await form.getByLabel("Name").fill("e2e script");
  await form.getByLabel("Expires after (days)").fill("30");
  await form.getByRole("radio", { name: /Write:/ }).check();
  await form.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByLabel("Token (write)");
  await expect(shown).toBeFocused();
  const token = await shown.inputValue();
  expect(token).toMatch(/^mgl_pat_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("row", { name: /e2e script/ })).toContainText("write");

  const script = await scriptClient(playwright, baseURL!, token);
  try {
    // The JSON API, with no Origin and no cookie.
    const noteId = await (async () => {
      const response = await script.post(`/api/documents/${SLUG}/notes`, { data: { paragraph: "p3", referenceType: "organisation", body: "Written by a script.", visibility: "private" } });
      expect(response.status(), await response.text()).toBe(201);
      return (await response.json()).id as string;
    })();
    expect((await script.get(`/api/notes/${noteId}`)).status()).toBe(200);
    // Session-only routes refuse tokens, even a write token.
    expect((await script.get("/api/account/tokens")).status()).toBe(403);
    expect((await script.post("/api/account/password", { data: { currentPassword: user.password, newPassword: "another long passphrase 1929" } })).status()).toBe(403);

    // The protocol: create, read, replace with If-Match, delete, then 410.
    const created = await script.post(CONTAINER, { headers: { "Content-Type": LD_JSON }, data: paragraphAnnotation(baseURL!, "On the **G.P.U.**", { visibility: "private", id: "urn:uuid:0b0e6c1e-2b6c-4a8f-9d3e-111111111111" }) });
    expect(created.status(), await created.text()).toBe(201);
    const annotation = await created.json();
    expect(created.headers().location).toBe(annotation.id);
    expect(annotation.id.startsWith(`${baseURL}${CONTAINER}`)).toBe(true);
    expect(annotation.via).toBe("urn:uuid:0b0e6c1e-2b6c-4a8f-9d3e-111111111111");
    const etag = created.headers().etag!;
    const path = new URL(annotation.id).pathname;

    const read = await script.get(path);
    expect(read.status()).toBe(200);
    expect(read.headers()["content-type"]).toBe(LD_JSON);
    expect(read.headers().link).toContain('<http://www.w3.org/ns/ldp#Resource>; rel="type"');
    expect(read.headers().allow).toBe("GET, HEAD, OPTIONS, PUT, DELETE");

    const replacement = { ...annotation, body: [{ type: "TextualBody", value: "On the OGPU.", format: "text/markdown", purpose: "commenting" }] };
    expect((await script.put(path, { headers: { "Content-Type": "application/ld+json" }, data: replacement })).status()).toBe(428);
    expect((await script.put(path, { headers: { "Content-Type": "application/ld+json", "If-Match": '"9.9"' }, data: replacement })).status()).toBe(412);
    expect((await script.put(path, { headers: { "Content-Type": "application/ld+json", "If-Match": etag }, data: { ...replacement, creator: { id: `${baseURL}/people/00000000-0000-4000-8000-000000000000` } } })).status()).toBe(409);
    const replaced = await script.put(path, { headers: { "Content-Type": "application/json", "If-Match": etag }, data: replacement });
    expect(replaced.status(), await replaced.text()).toBe(200);
    expect(replaced.headers().etag).not.toBe(etag);

    const notAnnotation = await script.post(CONTAINER, { headers: { "Content-Type": LD_JSON }, data: { type: "Note", body: "x" } });
    expect(notAnnotation.status()).toBe(400);
    const elsewhere = await script.post(CONTAINER, { headers: { "Content-Type": LD_JSON }, data: { ...paragraphAnnotation(baseURL!, "x"), target: "https://example.org/other#p3" } });
    expect(elsewhere.status()).toBe(400);
    expect((await elsewhere.json()).fields).toHaveProperty("target");
    const notJson = await script.post(CONTAINER, { headers: { "Content-Type": LD_JSON }, data: "{not json" });
    expect(notJson.status()).toBe(400);

    expect((await script.delete(path)).status()).toBe(204);
    expect((await script.get(path)).status()).toBe(410);
    const anonymous = await scriptClient(playwright, baseURL!);
    expect((await anonymous.get(path)).status()).toBe(404);
    await anonymous.dispose();

    // Revoked in the UI: the script is refused at once, with a Bearer challenge.
    await page.reload();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Revoke the token e2e script" }).click();
    await expect(page.getByRole("row", { name: /e2e script/ })).toHaveCount(0);
    const refused = await script.get(`/api/notes/${noteId}`);
    expect(refused.status()).toBe(401);
    expect(refused.headers()["www-authenticate"]).toMatch(/^Bearer /);
  } finally {
    await script.dispose();
  }
});

test("a read token cannot write, a bad token never falls back to the cookie, and the container speaks the protocol", async ({ page, baseURL, playwright }) => {
  const user = newTestUser("w3c-read");
  await signUpByApi(page.request, baseURL, user);
  await signInByApi(page, baseURL, user.email, user.password);
  const made = await page.request.post("/api/account/tokens", { headers: originHeaders(baseURL), data: { name: "reader" } });
  expect(made.status(), await made.text()).toBe(201);
  const { token, scope } = await made.json();
  expect(scope).toBe("read");

  const script = await scriptClient(playwright, baseURL!, token);
  try {
    expect((await script.get(`/api/documents/${SLUG}/notes?limit=1`)).status()).toBe(200);
    const write = await script.post(`/api/documents/${SLUG}/notes`, { data: { paragraph: "p3", referenceType: "other", body: "x", visibility: "private" } });
    expect(write.status()).toBe(403);
    expect((await script.post(CONTAINER, { headers: { "Content-Type": LD_JSON }, data: paragraphAnnotation(baseURL!, "x") })).status()).toBe(403);
  } finally {
    await script.dispose();
  }

  // The browser's session cookie is there, but a bad Authorization header wins: 401, never the cookie's user.
  const withCookie = await page.request.get("/api/notifications", { headers: { Authorization: "Bearer mgl_pat_not-a-real-token" } });
  expect(withCookie.status()).toBe(401);
  expect(withCookie.headers()["www-authenticate"]).toContain('error="invalid_token"');
  expect((await page.request.get("/api/notifications")).status()).toBe(200);

  // Discovery from the reading page, and the container as it is (no redirect of its trailing slash).
  const letter = await page.request.get(`/letters/${SLUG}`);
  expect(letter.headers().link).toContain(`<${baseURL}${CONTAINER}>; rel="http://www.w3.org/ns/oa#annotationService"`);
  const anonymous = await scriptClient(playwright, baseURL!);
  try {
    const container = await anonymous.get(CONTAINER, { maxRedirects: 0 });
    expect(container.status()).toBe(200);
    const headers = container.headers();
    const body = await container.json();
    expect(headers["content-type"]).toBe(LD_JSON);
    expect(headers.link).toContain('<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"');
    expect(headers.link).toContain('rel="http://www.w3.org/ns/ldp#constrainedBy"');
    expect(headers.allow).toBe("GET, HEAD, OPTIONS, POST");
    expect(headers["accept-post"]).toContain("application/ld+json");
    expect(headers.vary).toContain("Prefer");
    expect(headers["content-location"]).toBe(body.id);
    expect(headers["access-control-allow-origin"]).toBe("*");
    expect(body.type).toEqual(["BasicContainer", "AnnotationCollection"]);
    expect(body.total).toBeGreaterThan(0);
    expect(body.first.items.length).toBeLessThanOrEqual(100);
    expect(body.first.items.every((item: { "@context"?: unknown; motivation?: string }) => item["@context"] && item.motivation)).toBe(true);
    expect((await anonymous.get(CONTAINER, { headers: { "If-None-Match": headers.etag! } })).status()).toBe(304);

    const minimal = await anonymous.get(CONTAINER, { headers: { Prefer: 'return=representation;include="http://www.w3.org/ns/ldp#PreferMinimalContainer"' } });
    const minimalBody = await minimal.json();
    expect(minimalBody.id).not.toBe(body.id);
    expect(typeof minimalBody.first).toBe("string");
    const iris = await (await anonymous.get(CONTAINER, { headers: { Prefer: 'return=representation;include="http://www.w3.org/ns/oa#PreferContainedIRIs"' } })).json();
    expect(iris.id).not.toBe(body.id);
    expect(iris.first.items.every((item: unknown) => typeof item === "string")).toBe(true);
    const path = (iri: string) => new URL(iri).pathname + new URL(iri).search;
    const lastPage = await (await anonymous.get(path(body.last))).json();
    expect(lastPage).toMatchObject({ type: "AnnotationPage", partOf: { id: body.id } });
    expect(lastPage.startIndex + lastPage.items.length).toBe(body.total);
    if (lastPage.prev) {
      // Back from the last page by its link: the page before ends where the last begins.
      const before = await (await anonymous.get(path(lastPage.prev))).json();
      expect(before.startIndex).toBe(lastPage.startIndex - 100);
      expect(before.items).toHaveLength(100);
    }

    const preflight = await anonymous.fetch(CONTAINER, {
      method: "OPTIONS",
      headers: { Origin: "https://elsewhere.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization, content-type" },
    });
    expect(preflight.status()).toBe(204);
    expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
    expect(preflight.headers()["access-control-allow-headers"]).toMatch(/Authorization/);
    expect(preflight.headers()["access-control-expose-headers"]).toMatch(/ETag/);
    expect((await anonymous.get(CONTAINER, { headers: { Accept: "text/csv" } })).status()).toBe(406);
  } finally {
    await anonymous.dispose();
  }
});

test("download my notes: a W3C file with every note the reader wrote, private ones included", async ({ page, baseURL }) => {
  const user = newTestUser("w3c-download");
  await signUpByApi(page.request, baseURL, user);
  await signInByApi(page, baseURL, user.email, user.password);
  const id = await createNote(page.request, baseURL, { paragraph: "p5", referenceType: "person", body: "A private thought on Zinoviev.", visibility: "private", tags: ["zinoviev"] });
  await page.goto(`/letters/${SLUG}#colophon`);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my notes" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^marginalia-reply-to-stalin-my-notes-\d{4}-\d{2}-\d{2}\.jsonld$/);
  const file = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(file.type).toBe("AnnotationCollection");
  expect(file.total).toBe(1);
  expect(file.first.items).toHaveLength(1);
  expect(file.first.items[0].id).toBe(`${baseURL}${CONTAINER}${id}`);
  expect(JSON.stringify(file.first.items[0].body)).toContain("A private thought on Zinoviev.");

  await page.goto("/account");
  await expect(page.getByRole("link", { name: /My notes on/ })).toHaveAttribute("href", `/api/documents/${SLUG}/annotations.jsonld`);
});

test("/people/<id> shows the name and public notes; affiliation and ORCID iD only once the person opts in", async ({ page, baseURL, browser }) => {
  const user = newTestUser("people");
  const userId = await signUpByApi(page.request, baseURL, user);
  await signInByApi(page, baseURL, user.email, user.password);
  await page.goto("/account");
  await page.getByLabel("Affiliation", { exact: true }).fill("Institute of Soviet History");
  await page.getByLabel("ORCID iD", { exact: true }).fill("0000-0002-1825-0097");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();

  const visitor = await browser.newContext({ baseURL });
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(`/people/${userId}`);
  await expect(visitorPage.getByRole("heading", { level: 1 })).toHaveText(user.displayName);
  await expect(visitorPage.getByText("Institute of Soviet History")).toHaveCount(0);
  await expect(visitorPage.getByText("0000-0002-1825-0097")).toHaveCount(0);

  await page.getByLabel("Show my affiliation").check();
  await page.getByLabel("Show my ORCID iD").check();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();
  await visitorPage.reload();
  await expect(visitorPage.getByText("Institute of Soviet History")).toBeVisible();
  await expect(visitorPage.getByRole("link", { name: "https://orcid.org/0000-0002-1825-0097" })).toBeVisible();
  expect((await visitorPage.goto("/people/00000000-0000-4000-8000-000000000000"))!.status()).toBe(404);
  await visitor.close();
});
