import type { Metadata, Viewport } from "next";
import "@fontsource-variable/source-serif-4/opsz.css";
import "@fontsource-variable/source-serif-4/opsz-italic.css";
import "./globals.css";
import { SiteHeaderSlot } from "./site-header-slot";
import { SiteFooter } from "@/components/layout/site-footer";
import { ZodJitless } from "@/components/layout/zod-jitless";

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
    <html lang="en">
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
