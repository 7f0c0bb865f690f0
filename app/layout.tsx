import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import "@fontsource-variable/source-serif-4/opsz.css";
import "@fontsource-variable/source-serif-4/opsz-italic.css";
import "./globals.css";
import { SiteHeaderSlot } from "./site-header-slot";
import { SiteFooter } from "@/components/layout/site-footer";
import { ZodJitless } from "@/components/layout/zod-jitless";

/*
 * The body face's Latin files through next/font, which preloads them from the document's head, with
 * font-display: optional: on a cold load of the (large) letter page the face is there before the text is painted,
 * and if it ever is not, the fallback stays for that page view rather than being replaced mid-read (a layout shift
 * of the title and header that cost 0.019 CLS with swap). Fontsource's CSS above still covers the other scripts (Cyrillic for the
 * Russian interface, Greek, Vietnamese), under the family name that follows in --serif.
 */
const serifLatin = localFont({
  src: [
    { path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-opsz-normal.woff2", style: "normal", weight: "200 900" },
    { path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-opsz-italic.woff2", style: "italic", weight: "200 900" },
  ],
  variable: "--font-serif-latin",
  display: "optional",
  preload: true,
  adjustFontFallback: "Times New Roman",
});

export const metadata: Metadata = {
  title: { default: "Marginalia", template: "%s · Marginalia" },
  description: "A collaborative scholarly reading edition of historical letters, annotated paragraph by paragraph.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbf8f1" },
    { media: "(prefers-color-scheme: dark)", color: "#171512" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={serifLatin.variable}>
      <body>
        <ZodJitless />
        <a className="skip-link" href="#main">
          Skip to the text
        </a>
        <SiteHeaderSlot />
        {children}
        <SiteFooter />
      </body>
    </html>
  );
}
