/** The demo accounts seeded when DEMO_DATA=1 (npm start on the embedded database). Shown on the sign-in page there. */
export const DEMO_PASSWORD = "marginalia-demo-1928";

export const DEMO_ACCOUNTS = [
  { email: "researcher@demo.marginalia", displayName: "Rosa Researcher", siteRole: "researcher", role: "Researcher" },
  { email: "reviewer@demo.marginalia", displayName: "Victor Reviewer", siteRole: "reviewer", role: "Reviewer (moderates across the site)" },
  { email: "admin@demo.marginalia", displayName: "Ada Admin", siteRole: "admin", role: "Admin" },
  { email: "teacher@demo.marginalia", displayName: "Tomás Teacher", siteRole: "researcher", role: "Teacher (owns the class “History 204”)" },
  { email: "student1@demo.marginalia", displayName: "Sasha Student", siteRole: "researcher", role: "Student in History 204" },
  { email: "student2@demo.marginalia", displayName: "Sam Student", siteRole: "researcher", role: "Student in History 204" },
  { email: "newcomer@demo.marginalia", displayName: "Nadia Newcomer", siteRole: "researcher", role: "New researcher, not yet trusted: her public notes wait for a reviewer" },
] as const;

/** Every demo author is trusted (their public notes are published at once) except the newcomer, who shows the queue. */
export const UNTRUSTED_DEMO_ACCOUNTS: ReadonlySet<string> = new Set(["newcomer@demo.marginalia"]);
