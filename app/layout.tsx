import type { Metadata, Viewport } from "next";
import { GeistSans } from "geist/font/sans";
import Link from "next/link";
import { SiteHeader } from "./ui/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Civics Lab", template: "%s · Civics Lab" },
  description: "Reading lessons and quizzes for civics classes, built from real news and tied to the text.",
  robots: { index: false },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafaf9" },
    { media: "(prefers-color-scheme: dark)", color: "#0c0a09" },
  ],
};

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en" className={GeistSans.variable}>
      <body className="flex min-h-dvh flex-col font-sans">
        <SiteHeader />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none">
          {children}
        </main>
        <footer data-site-footer className="border-t border-stone-200 py-6 text-sm dark:border-stone-800">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 text-stone-600 dark:text-stone-400">
            <p>Civics Lab · self-hosted, no trackers, your school&apos;s data stays in one file.</p>
            <nav aria-label="Footer">
              <ul className="flex gap-4">
                <li>
                  <Link href="/privacy">Privacy</Link>
                </li>
                <li>
                  <Link href="/about">About</Link>
                </li>
              </ul>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}
