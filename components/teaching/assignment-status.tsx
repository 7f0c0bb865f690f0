import type { RequirementCheck } from "@/lib/teaching/requirements";

const TEXT = { "not started": "Not started", "in progress": "In progress", "requirements met": "✓ Requirements met", late: "Late" } as const;

/** A student's status on an assignment, in words (with "overdue" once the due date has passed unmet). */
export function AssignmentStatus({ own }: { own: RequirementCheck }) {
  return (
    <span className={`assignment-status assignment-status-${own.status.replace(" ", "-")}`}>
      {TEXT[own.status]}
      {own.overdue && own.status !== "late" ? " · overdue" : ""}
    </span>
  );
}
