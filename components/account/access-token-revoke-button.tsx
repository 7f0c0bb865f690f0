"use client";

import { useRouter } from "next/navigation";
import { RequestButton } from "@/components/groups/request-button";

/** Revokes one token; its row disappears, so focus goes to the section heading (tabIndex -1), not the page top. */
export function AccessTokenRevokeButton({ tokenId, name, headingId }: { tokenId: string; name: string; headingId: string }) {
  const router = useRouter();
  return (
    <RequestButton
      url={`/api/account/tokens/${encodeURIComponent(tokenId)}`}
      method="DELETE"
      danger
      confirm={`Revoke the token “${name}”? Scripts using it stop working at once.`}
      label={
        <>
          Revoke<span className="visually-hidden"> the token {name}</span>
        </>
      }
      then={() => {
        document.getElementById(headingId)?.focus();
        router.refresh();
      }}
    />
  );
}
