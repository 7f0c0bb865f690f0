import { RequestButton } from "@/components/groups/request-button";

/** The teacher's state changes: publish a draft, close a published assignment, reopen a closed one. */
export function AssignmentStateControls({ assignmentId, state }: { assignmentId: string; state: "draft" | "published" | "closed" }) {
  const url = `/api/assignments/${assignmentId}`;
  if (state === "draft") return <RequestButton url={url} method="PATCH" body={{ state: "published" }} label="Publish to the class" />;
  if (state === "published") {
    return <RequestButton url={url} method="PATCH" body={{ state: "closed" }} label="Close (no more work accepted)" confirm="Close this assignment? Students can no longer add notes or replies for it." />;
  }
  return <RequestButton url={url} method="PATCH" body={{ state: "published" }} label="Reopen" />;
}
