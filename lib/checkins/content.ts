import "server-only";
import { z } from "zod";
import { seal, unseal } from "@/lib/crypto/sealed";

const text = (max: number, label: string) => z.string().trim().max(max, `${label} is too long (at most ${max} characters).`).default("");

/** What a member writes. Stored only sealed (encrypted to the row). */
export const contentSchema = z.object({
  happened: text(5000, "“What happened”"),
  win: text(2000, "“A win”"),
  hard: text(5000, "“What is hard”"),
  question: text(2000, "The question for your coach"),
});
export type CheckinContent = z.infer<typeof contentSchema>;

export const emptyContent: CheckinContent = { happened: "", win: "", hard: "", question: "" };

export const sealContent = (content: CheckinContent, rowId: string) => seal(JSON.stringify(content), rowId);

export function openContent(sealed: string, rowId: string): CheckinContent {
  const parsed = contentSchema.safeParse(JSON.parse(unseal(sealed, rowId)));
  return parsed.success ? parsed.data : emptyContent;
}
