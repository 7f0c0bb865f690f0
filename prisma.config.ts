import { defineConfig } from "prisma/config";

// `prisma generate` loads this file too; it needs no database, so a fresh install works without DATABASE_URL.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
