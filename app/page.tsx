import { redirect } from "next/navigation";

// The first and, for now, only document: the home page is the letter.
export default function Home() {
  redirect("/letters/reply-to-stalin");
}
