import { SubNav } from "@/app/components/sub-nav";

// Navigation only: every Dojo page checks the member's access itself.
export default function DojoLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="space-y-6">
      <SubNav
        label="Dojo"
        links={[
          ["/dojo", "Lessons"],
          ["/dojo/check-ins", "Check-ins"],
          ["/account", "Account"],
        ]}
      />
      {children}
    </div>
  );
}
