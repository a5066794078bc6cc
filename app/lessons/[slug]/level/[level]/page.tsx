// A lesson at one reading level, the same for every reader and cached like /lessons/[slug]:
// proxy.ts rewrites /lessons/<slug>?level=<n> here, so the query string never makes the page dynamic.
export { default, generateMetadata } from "../../page";

export const revalidate = false;
export async function generateStaticParams() {
  return [];
}
