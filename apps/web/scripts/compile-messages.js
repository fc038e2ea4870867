/**
 * Compiles the message catalogs and fails when the compiler produced no messages: offline,
 * a message plugin that cannot be loaded makes the compiler report success with zero messages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.options.js';

await compile(paraglideOptions);

const catalog = JSON.parse(readFileSync('./messages/en.json', 'utf8'));
const keys = Object.keys(catalog).filter((key) => key !== '$schema');
const dir = `${paraglideOptions.outdir}/messages`;
const generated = existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.js') && !file.startsWith('_')) : [];
if (keys.length === 0 || generated.length < keys.length) {
  console.error(
    `Message compilation produced ${generated.length} message modules for ${keys.length} keys. ` +
      'Is the message-format plugin path in project.inlang/settings.json right?',
  );
  process.exit(1);
}
