/**
 * Imports run off the request thread: while a large article is analysed in a
 * worker, this process keeps handling other work, and the teacher can follow
 * the stages. Behaviour only; the timings are in docs/BENCHMARKS.md.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createImportDraft, getImportDraft, getImportProgress } from "@/lib/data/imports";
import { createTestDb } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

const FIXTURES = path.resolve("tests/fixtures/articles");

describe("imports in a worker thread", { timeout: 300_000 }, () => {
  let teacher: Awaited<ReturnType<typeof seedUser>>;
  let otherTeacher: Awaited<ReturnType<typeof seedUser>>;

  beforeAll(async () => {
    await createTestDb({ withContent: true });
    teacher = await seedUser({ role: "teacher" });
    otherTeacher = await seedUser({ role: "teacher" });
  });

  it("keeps this thread free and reports its stages while a large article is analysed", async () => {
    signInAs(teacher);
    // About 60 KB of real prose: several corpus stories one after another.
    const stories = ["wire-story.txt", "explainer.txt"].map((f) => fs.readFileSync(path.join(FIXTURES, f), "utf8").split("\n\n").slice(1).join("\n\n"));
    const article = `A long civics reader\n\n${Array.from({ length: 8 }, () => stories.join("\n\n")).join("\n\n")}`;
    expect(article.length).toBeGreaterThan(50_000);
    const token = "0b7f3d4e-2a1c-4f5e-8d9b-1c2d3e4f5a6b";

    let ticks = 0;
    const seen = new Set<string>();
    let done = false;
    const ticker = setInterval(() => (ticks += 1), 5);
    const watcher = (async () => {
      while (!done) {
        seen.add((await getImportProgress(token)).stage);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const ticksBefore = ticks;
    const { id } = await createImportDraft({ content: article, date: "2023-03-21", progressToken: token });
    done = true;
    await watcher;
    clearInterval(ticker);

    // The event loop kept turning while the import ran: timers fired and progress was read many times.
    expect(ticks - ticksBefore).toBeGreaterThan(10);
    expect(seen.has("analysing") || seen.has("drafting")).toBe(true);
    expect((await getImportProgress(token)).stage).toBe("done");
    expect((await getImportDraft(id)).draft.paragraphs.length).toBeGreaterThan(50);

    // The token means nothing to another teacher.
    signInAs(otherTeacher);
    expect((await getImportProgress(token)).stage).toBe("waiting");
  });

  it("runs two imports at once and reports bad input as a typed error", async () => {
    signInAs(teacher);
    const wire = fs.readFileSync(path.join(FIXTURES, "wire-story.txt"), "utf8");
    const token = "1c8e4e5f-3b2d-4a6f-9eac-2d3e4f5a6b7c";
    const [first, second, bad] = await Promise.allSettled([
      createImportDraft({ content: wire }),
      createImportDraft({ content: fs.readFileSync(path.join(FIXTURES, "feature.md"), "utf8") }),
      createImportDraft({ content: "Too short to be a lesson.", progressToken: token }),
    ]);
    expect(first.status).toBe("fulfilled");
    expect(second.status).toBe("fulfilled");
    expect(bad).toMatchObject({ status: "rejected", reason: { code: "bad_request", message: expect.stringMatching(/too short/) as unknown } });
    expect((await getImportProgress(token)).stage).toBe("failed");
  });
});
