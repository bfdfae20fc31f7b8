import { SubNav } from "@/app/components/sub-nav";

// Navigation only: every coach page checks the coach's rights itself.
export default function CoachLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="space-y-6">
      <SubNav
        label="Coach console"
        title="Coach console"
        links={[
          ["/coach", "Today"],
          ["/coach/check-ins", "Check-ins"],
          ["/coach/lessons", "Lessons"],
          ["/coach/articles", "Articles"],
          ["/coach/products", "Products"],
          ["/coach/members", "Members"],
          ["/coach/newsletter", "Newsletter"],
        ]}
      />
      {children}
    </div>
  );
}
