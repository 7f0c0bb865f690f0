// Stands in for the `server-only` marker package when domain modules run under Vitest.
export {};
