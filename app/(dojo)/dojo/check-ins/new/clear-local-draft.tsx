"use client";

import { useEffect } from "react";
import { clearDeviceDraft } from "./device-draft";

/** After a check-in has been sent, the copy kept on this device is no longer needed. */
export function ClearLocalDraft() {
  useEffect(clearDeviceDraft, []);
  return null;
}
