"use client";

import { useEffect } from "react";

/** After a check-in has been sent, the copy kept on this device is no longer needed. */
export function ClearLocalDraft() {
  useEffect(() => {
    try {
      localStorage.removeItem("dojo-checkin-draft");
    } catch {
      // nothing stored
    }
  }, []);
  return null;
}
