import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

export type JavaScriptWeight = { files: number; transferredBytes: number; decodedBytes: number; gzippedBytes: number };

/** Loads a page in a fresh Chromium profile (cold cache) and adds up the scripts it transfers, as sent on the wire. */
export async function measurePageJavaScript(url: string, executablePath: string): Promise<JavaScriptWeight> {
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const scripts = new Map<string, { url: string; transferred: number; decoded: number }>();
    cdp.on("Network.responseReceived", (event) => {
      if (event.type === "Script") scripts.set(event.requestId, { url: event.response.url, transferred: 0, decoded: 0 });
    });
    cdp.on("Network.dataReceived", (event) => {
      const entry = scripts.get(event.requestId);
      if (entry) entry.decoded += event.dataLength;
    });
    cdp.on("Network.loadingFinished", (event) => {
      const entry = scripts.get(event.requestId);
      if (entry) entry.transferred = event.encodedDataLength;
    });
    await page.goto(url, { waitUntil: "networkidle" });
    const entries = [...scripts.values()];
    // What the scripts weigh gzipped, whatever encoding the server chose to send.
    let gzippedBytes = 0;
    for (const entry of entries) gzippedBytes += gzipSync(Buffer.from(await (await fetch(entry.url)).arrayBuffer())).length;
    return {
      gzippedBytes,
      files: entries.length,
      transferredBytes: entries.reduce((sum, entry) => sum + entry.transferred, 0),
      decodedBytes: entries.reduce((sum, entry) => sum + entry.decoded, 0),
    };
  } finally {
    await browser.close();
  }
}
