import { describe, expect, it } from "vitest";
import { assignmentMessage, classroomShareUrl, originFromHeaders, quizUrl } from "@/lib/interop/share";

const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });

describe("share links", () => {
  it("builds a plain Google Classroom share link with the URL and title encoded", () => {
    const link = classroomShareUrl("https://civics.example.org/quizzes/q1?assignment=a&b", "Sanctions & the UN");
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe("https://classroom.google.com/share");
    expect(url.searchParams.get("url")).toBe("https://civics.example.org/quizzes/q1?assignment=a&b");
    expect(url.searchParams.get("title")).toBe("Sanctions & the UN");
    expect([...url.searchParams.keys()].sort()).toEqual(["title", "url"]);
  });

  it("reads the site origin from the proxy headers, defaulting to https off localhost", () => {
    expect(originFromHeaders(headers({ host: "civics.school.org" }))).toBe("https://civics.school.org");
    expect(originFromHeaders(headers({ host: "localhost:3000" }))).toBe("http://localhost:3000");
    expect(originFromHeaders(headers({ host: "10.0.0.5:3000", "x-forwarded-proto": "http" }))).toBe("http://10.0.0.5:3000");
    expect(originFromHeaders(headers({ host: "a", "x-forwarded-host": "civics.school.org", "x-forwarded-proto": "https, http" }))).toBe("https://civics.school.org");
  });

  it("writes an assignment message with the class code and the assignment link", () => {
    const text = assignmentMessage({ origin: "https://c.org", quizId: "sanctions-quiz", quizTitle: "Sanctions", className: "Period 2", joinCode: "DEMO22", assignmentId: "as1" });
    expect(text).toContain("class code DEMO22 at https://c.org/join?code=DEMO22");
    expect(text).toContain("https://c.org/quizzes/sanctions-quiz?assignment=as1");
    expect(assignmentMessage({ origin: "https://c.org", quizId: "q", quizTitle: "Q", className: "P", joinCode: null, assignmentId: null })).not.toContain("class code");
    expect(quizUrl("https://c.org", "a b")).toBe("https://c.org/quizzes/a%20b");
  });
});
