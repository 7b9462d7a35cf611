import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'cli/**/*.test.ts',
      'renderer/**/*.test.ts',
      'tests/unit/**/*.test.ts',
      'tests/fuzz/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    // Property tests and the Monte Carlo checks are CPU-heavy on the 2-core CI machines.
    testTimeout: 60_000,
  },
});
