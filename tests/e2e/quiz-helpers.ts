/**
 * Quiz content for end-to-end tests, read straight from content/ (the tests
 * know the keys; the browser never does), and keyboard-only answering.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import YAML from "yaml";
import { expect } from "./fixtures";

export interface ContentQuestion {
  id: string;
  type: "single" | "multiple" | "true_false" | "ordering" | "matching" | "short_answer" | "numeric" | "cloze";
  prompt: string;
  explanation: string;
  evidence: string;
  choices?: { id: string; text: string; feedback?: string }[];
  items?: { id: string; text: string }[];
  left?: { id: string; text: string }[];
  right?: { id: string; text: string }[];
  text?: string;
  feedbackTrue?: string;
  feedbackFalse?: string;
  answer: unknown;
}

export interface ContentQuiz {
  id: string;
  lesson: string;
  title: string;
  questions: ContentQuestion[];
}

export function loadQuizzes(): ContentQuiz[] {
  const dir = path.join(process.cwd(), "content", "quizzes");
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => YAML.parse(fs.readFileSync(path.join(dir, name), "utf8")) as ContentQuiz);
}

export function loadQuiz(id: string): ContentQuiz {
  const quiz = loadQuizzes().find((q) => q.id === id);
  if (!quiz) throw new Error(`No quiz ${id} in content/`);
  return quiz;
}

/** Focus moves by `focus()` (what Tab would reach), and everything else is a key press: no clicks. */
async function press(page: Page, selector: ReturnType<Page["locator"]>, key: string) {
  await selector.focus();
  await page.keyboard.press(key);
}

/**
 * Answers one question with the keyboard. `pickWrong` answers a single-choice
 * question with its first choice that has feedback, to see that feedback later.
 */
export async function answerWithKeyboard(page: Page, question: ContentQuestion, options: { pickWrong?: boolean; scope?: string } = {}) {
  const root = page.locator(options.scope ?? `#q-${question.id}`);
  switch (question.type) {
    case "single": {
      const choiceId = options.pickWrong ? question.choices!.find((c) => c.feedback)!.id : (question.answer as string);
      await press(page, root.locator(`input[type=radio][value="${choiceId}"]`), "Space");
      break;
    }
    case "multiple":
      for (const choiceId of question.answer as string[]) await press(page, root.locator(`input[type=checkbox][value="${choiceId}"]`), "Space");
      break;
    case "true_false":
      await press(page, root.locator(`input[type=radio][value="${String(question.answer)}"]`), "Space");
      break;
    case "ordering": {
      const key = question.answer as string[];
      const textOf = (id: string) => question.items!.find((item) => item.id === id)!.text;
      for (const [target, id] of key.entries()) {
        const rows = root.locator("ol > li");
        const texts = await rows.allInnerTexts();
        const current = texts.findIndex((t) => t.includes(textOf(id)));
        if (current === target) continue;
        const up = root.getByRole("button", { name: `Move up: ${textOf(id)}` });
        await up.focus();
        for (let step = current; step > target; step -= 1) {
          await page.keyboard.press("Enter");
          // Focus stays on the moved item's button, so Enter can be pressed again.
          await expect(root.locator("[aria-live=polite]").first()).toContainText(`moved to position ${step}`);
        }
      }
      break;
    }
    case "matching": {
      const pairs = question.answer as Record<string, string>;
      for (const left of question.left!) {
        const select = root.getByLabel(left.text, { exact: true });
        const rightText = question.right!.find((r) => r.id === pairs[left.id])!.text;
        const options = await select.locator("option").allInnerTexts();
        const steps = options.indexOf(rightText) - Math.max(0, options.indexOf(await select.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text ?? "")));
        await select.focus();
        for (let i = 0; i < steps; i += 1) await page.keyboard.press("ArrowDown");
        await expect(select).toHaveValue(pairs[left.id]!);
      }
      break;
    }
    case "short_answer":
      await root.getByRole("textbox").focus();
      await page.keyboard.type(String((question.answer as string[])[0]));
      break;
    case "numeric":
      await root.getByRole("textbox").focus();
      await page.keyboard.type(String(question.answer));
      break;
    case "cloze": {
      const blanks = question.answer as Record<string, string[]>;
      const order = [...question.text!.matchAll(/\{\{([a-z0-9-]+)\}\}/g)].map((m) => m[1]!);
      for (const [index, blank] of order.entries()) {
        await root.getByLabel(`Blank ${index + 1} of ${order.length}`).focus();
        await page.keyboard.type(String(blanks[blank]![0]));
      }
      break;
    }
  }
}
