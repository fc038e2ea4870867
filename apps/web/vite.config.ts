import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { paraglideOptions } from '@exchange/texts/options';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// The catalogs in packages/texts are compiled by its build, which turbo runs first. Only
// `vite dev` recompiles them on a change; under vitest the plugin's watcher would keep the
// test process alive.
export default defineConfig(({ command }) => ({
  plugins: [...(command === 'serve' && !process.env.VITEST ? [paraglideVitePlugin(paraglideOptions)] : []), sveltekit()],
  server: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    expect: { requireAssertions: true },
  },
}));
