"use client";

import Link from "next/link";
import { useState } from "react";
import { ActionForm } from "@/app/components/action-form";
import { moveLessonAction, reorderLessonsAction } from "./actions";

interface Item {
  id: number;
  title: string;
  status: string;
  releaseOffsetDays: number;
}

/**
 * Reorder by dragging, or with the Up/Down buttons (keyboard and no-JavaScript
 * friendly: they are ordinary form posts).
 */
export function LessonOrder({ moduleId, items, anchor }: { moduleId: number; items: Item[]; anchor: "start" | "no_contact" }) {
  const [order, setOrder] = useState(items);
  const [dragging, setDragging] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");

  function drop(targetId: number) {
    if (dragging === null || dragging === targetId) return;
    const next = order.filter((i) => i.id !== dragging);
    const moved = order.find((i) => i.id === dragging);
    const at = next.findIndex((i) => i.id === targetId);
    if (!moved) return;
    next.splice(at, 0, moved);
    setOrder(next);
    setDragging(null);
    void reorderLessonsAction({ moduleId, orderedIds: next.map((i) => i.id) }).then(
      (result) => setAnnouncement(result.ok ? `Moved “${moved.title}”.` : (result.error ?? "The order could not be saved; please reload.")),
      () => setAnnouncement("The order could not be saved; please reload."),
    );
  }

  return (
    <>
      <ol className="divide-y divide-line">
        {order.map((l, index) => (
          <li
            key={l.id}
            draggable
            onDragStart={() => setDragging(l.id)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={() => drop(l.id)}
            className={`flex flex-wrap items-center justify-between gap-2 py-2 ${dragging === l.id ? "opacity-50" : ""}`}
          >
            <span className="flex items-center gap-2">
              <span aria-hidden="true" className="cursor-grab text-muted">
                ⠿
              </span>
              <Link href={`/coach/lessons/${l.id}`} className="link">
                {l.title}
              </Link>
              <span className={`rounded-full px-2 py-0.5 text-xs ${l.status === "published" ? "bg-brand-soft text-brand" : "bg-clay-soft text-clay"}`}>{l.status === "published" ? "Published" : "Draft"}</span>
              <span className="text-xs text-muted">{anchor === "no_contact" ? `day ${l.releaseOffsetDays} of no contact` : `day ${l.releaseOffsetDays}`}</span>
            </span>
            <span className="flex gap-1">
              {(["up", "down"] as const).map((direction) => (
                <ActionForm key={direction} action={moveLessonAction}>
                  <input type="hidden" name="id" value={l.id} />
                  <input type="hidden" name="direction" value={direction} />
                  <button
                    type="submit"
                    disabled={direction === "up" ? index === 0 : index === order.length - 1}
                    className="rounded-lg border border-line px-2 py-1 text-sm disabled:opacity-40"
                    aria-label={`Move “${l.title}” ${direction}`}
                  >
                    {direction === "up" ? "↑" : "↓"}
                  </button>
                </ActionForm>
              ))}
            </span>
          </li>
        ))}
      </ol>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </>
  );
}
