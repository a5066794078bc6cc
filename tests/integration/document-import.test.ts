import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { importDrafts } from "@/db/tables";
import { POST } from "@/app/import/document/route";
import { getImportDraft } from "@/lib/data/imports";
import { createTestDb } from "../helpers/db";
import { ARTICLE_TITLE, handoutDocx, HANDOUT_TITLE, scannedPdf, twoColumnArticlePdf } from "../helpers/documents";
import { seedUser } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.9" }) }));

const ORIGIN = "http://localhost:3000";

async function upload(bytes: Uint8Array, name: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const data = new FormData();
  data.append("document", new File([new Uint8Array(bytes)], name));
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  const encoded = new Response(data);
  const type = encoded.headers.get("content-type")!;
  const body = new Uint8Array(await encoded.arrayBuffer());
  return POST(new Request(`${ORIGIN}/import/document`, { method: "POST", body, headers: { "content-type": type, "content-length": String(body.byteLength), origin: ORIGIN, host: "localhost:3000", ...headers } }));
}

describe("POST /import/document (PDF and Word uploads)", () => {
  beforeAll(async () => {
    await createTestDb({ withContent: true });
  });

  it("drafts a lesson from a two-column PDF and from a Word handout, with the form's details", async () => {
    signInAs(await seedUser({ role: "teacher" }));
    const pdf = await upload(await twoColumnArticlePdf(), "ledger.pdf", { date: "2026-03-10", outlet: "Riverside Civic Ledger" });
    expect(pdf.status).toBe(200);
    const { draftId } = (await pdf.json()) as { draftId: string };
    const { draft } = await getImportDraft(draftId);
    expect(draft.title).toBe(ARTICLE_TITLE);
    expect(draft.source).toMatchObject({ outlet: "Riverside Civic Ledger", date: "2026-03-10" });
    const docx = await upload(await handoutDocx(), "handout.docx");
    expect(docx.status).toBe(200);
    expect((await getImportDraft(((await docx.json()) as { draftId: string }).draftId)).draft.title).toBe(HANDOUT_TITLE);
  });

  it("refuses a 50 MB upload from its declared size, before reading it, and stores nothing", async () => {
    signInAs(await seedUser({ role: "teacher" }));
    const before = await getDb().$count(importDrafts);
    const body = new ReadableStream({ pull: (controller) => controller.enqueue(new Uint8Array(1024 * 1024)) });
    const request = new Request(`${ORIGIN}/import/document`, { method: "POST", body, duplex: "half", headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(50 * 1024 * 1024), origin: ORIGIN, host: "localhost:3000" } } as RequestInit);
    const response = await POST(request);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/larger than 2 MB/);
    expect(request.bodyUsed).toBe(false);
    expect(await getDb().$count(importDrafts)).toBe(before);
  });

  it("says why a scanned PDF or an unsupported file can't be read", async () => {
    signInAs(await seedUser({ role: "teacher" }));
    const scan = await upload(await scannedPdf(), "scan.pdf");
    expect(scan.status).toBe(400);
    expect(((await scan.json()) as { error: { message: string } }).error.message).toMatch(/scan/);
    const pptx = await upload(new Uint8Array([80, 75, 3, 4, 1, 2, 3]), "slides.pptx");
    expect(((await pptx.json()) as { error: { message: string } }).error.message).toMatch(/PDF, a Word file/);
  });

  it("refuses students, learners, guests and other sites before reading the file", async () => {
    const bytes = await handoutDocx();
    for (const role of ["student", "learner"] as const) {
      signInAs(await seedUser({ role }));
      expect((await upload(bytes, "h.docx")).status).toBe(403);
    }
    signOutTestUser();
    expect((await upload(bytes, "h.docx")).status).toBe(401);
    signInAs(await seedUser({ role: "teacher" }));
    expect((await upload(bytes, "h.docx", {}, { origin: "https://evil.example" })).status).toBe(403);
  });
});
