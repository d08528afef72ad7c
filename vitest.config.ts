import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Node's own conditions, without Vite's `development`: graphql's development build would be a second
  // realm beside the one graphql-jit's require() loads.
  ssr: { resolve: { conditions: ['module', 'node'], externalConditions: ['node'] } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // One copy of graphql for src and the GraphQL libraries (vitest resolves src's imports with other
    // conditions than Node's own loader uses for externalised packages: two realms otherwise).
    server: { deps: { inline: ['graphql-http', 'graphql-jit', /@graphql-tools\//] } },
  },
});
