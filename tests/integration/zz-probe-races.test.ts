import { afterAll, beforeAll, it } from "vitest";
import { joinGroup, createGroup, createInvite } from "@/lib/groups/group-operations";
import { signUp } from "@/lib/auth/sign-up";
import { seedUser, signIn } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
const clock = createControllableClock();
let db: TestDatabase;
beforeAll(async () => { db = await createTestDatabase(); });
afterAll(async () => { await db?.drop(); });
it("probe", async () => {
  const teacher = (await signIn(db.prisma, (await seedUser(db.prisma)).id, clock)).actor;
  const group = await createGroup(db.prisma, teacher, { kind: "class", name: "Probe" });
  const { code } = await createInvite(db.prisma, teacher, group.id, 14, clock);
  let failures = 0;
  for (let i = 0; i < 10; i++) {
    const student = (await signIn(db.prisma, (await seedUser(db.prisma)).id, clock)).actor;
    const r = await Promise.allSettled([joinGroup(db.prisma, student, code, clock), joinGroup(db.prisma, student, code, clock)]);
    for (const o of r) if (o.status === "rejected") { failures++; console.log("JOIN", (o.reason as Error).constructor.name, (o.reason as any).code, String((o.reason as Error).message).slice(0, 200)); }
  }
  console.log("JOIN failures", failures);
  let sf = 0;
  for (let i = 0; i < 5; i++) {
    const email = `race-${i}-${Date.now()}@example.org`;
    const r = await Promise.allSettled([signUp(db.prisma, { email, displayName: "A", password: "long enough passphrase one" }), signUp(db.prisma, { email, displayName: "B", password: "long enough passphrase two" })]);
    for (const o of r) if (o.status === "rejected") { sf++; console.log("SIGNUP", (o.reason as Error).constructor.name, (o.reason as any).code, String((o.reason as Error).message).slice(0, 200)); }
  }
  console.log("SIGNUP failures", sf);
});
