// Crisis resources shown wherever someone may be in danger. Plain data so
// the list can be reviewed (and localised) without touching any page.
export interface CrisisLine {
  name: string;
  where: string;
  contact: string;
  href: string;
  note?: string;
}

export const emergencyLine: CrisisLine = {
  name: "Emergency services",
  where: "Anywhere",
  contact: "911 (US, Canada) · 999 (UK) · 112 (EU and many countries)",
  href: "tel:112",
  note: "If you or someone else is in immediate danger, call now.",
};

export const crisisLines: CrisisLine[] = [
  { name: "988 Suicide & Crisis Lifeline", where: "United States", contact: "Call or text 988", href: "tel:988" },
  { name: "Samaritans", where: "UK and Ireland", contact: "Call 116 123, free, day or night", href: "tel:116123" },
  { name: "Talk Suicide Canada", where: "Canada", contact: "Call or text 988", href: "tel:988" },
  { name: "Lifeline", where: "Australia", contact: "Call 13 11 14", href: "tel:131114" },
];

export const abuseLines: CrisisLine[] = [
  {
    name: "National Domestic Violence Hotline",
    where: "United States",
    contact: "Call 1-800-799-7233 or text START to 88788",
    href: "tel:18007997233",
  },
  {
    name: "National Domestic Abuse Helpline (Refuge)",
    where: "United Kingdom",
    contact: "Call 0808 2000 247, free, 24 hours",
    href: "tel:08082000247",
  },
  { name: "1800RESPECT", where: "Australia", contact: "Call 1800 737 732", href: "tel:1800737732" },
];

export const elsewhereNote =
  "Somewhere else? Your local emergency number works, and findahelpline.com lists free, confidential lines by country.";
