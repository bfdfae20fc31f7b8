import type { Metadata } from "next";
import { CrisisResources } from "@/app/components/crisis-resources";

export const metadata: Metadata = { title: "Get help now" };

export default function HelpPage() {
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-semibold">You don’t have to handle this alone</h1>
      <p className="text-lg leading-relaxed">
        If you feel unsafe, or you’ve had thoughts of hurting yourself, that matters more than anything else on
        this site. Please talk to someone today. These lines are free, confidential and answered by people who know
        what to do.
      </p>
      <CrisisResources />
      <p className="leading-relaxed text-muted">
        Breakup Dojo is coaching, not therapy or emergency care. When you are safe, we’ll still be here.
      </p>
    </div>
  );
}
