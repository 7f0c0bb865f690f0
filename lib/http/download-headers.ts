/**
 * The headers of a file download (TEI, CSV): its type, its name, and who may keep it — a choice that is the same for
 * every reader (the public notes, or none) may be kept by shared caches for a few minutes; anything else is private.
 */
export function downloadHeaders(contentType: string, fileName: string, shared: boolean): HeadersInit {
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${fileName}"`,
    "Cache-Control": shared ? "public, max-age=300" : "private, no-store",
    Vary: "Cookie, Authorization",
  };
}
