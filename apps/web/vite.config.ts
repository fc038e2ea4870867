import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './paraglide.options.js';

// Under vitest the catalogs are compiled beforehand (`npm test`); the plugin's watcher would
// keep the test process alive.
const testing = Boolean(process.env.VITEST);

export default defineConfig({
  plugins: [...(testing ? [] : [paraglideVitePlugin(paraglideOptions)]), sveltekit()],
  server: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    expect: { requireAssertions: true },
  },
});
