import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeSamples } from './samples.js';

/** `tsx electron/documents/samples-cli.ts --out DIR [--data-dir DIR]`: one PDF of every document type. */
const { values } = parseArgs({ options: { out: { type: 'string' }, 'data-dir': { type: 'string' } } });
if (!values.out) {
  process.stderr.write('usage: samples-cli --out DIR [--data-dir DIR]\n');
  process.exit(2);
}
const result = await writeSamples(resolve(values.out), values['data-dir'] ? resolve(values['data-dir']) : undefined);
for (const path of Object.values(result.files)) process.stdout.write(`${path}\n`);
