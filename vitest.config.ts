import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // One copy of graphql for src and the GraphQL libraries (vitest resolves src's imports with other
    // conditions than Node's own loader uses for externalised packages: two realms otherwise).
    server: { deps: { inline: ['graphql-http', /@graphql-tools\//] } },
  },
});
