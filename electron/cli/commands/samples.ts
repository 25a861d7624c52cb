import { writeRegisterSamples } from '../../app/samples.js';
import { EXIT, requireString, t, type CliCommand } from '../command.js';

/** One PDF of every document type, made through the register and services the app uses. */
export const samplesCommand: CliCommand = {
  name: 'samples',
  summary: t('cli.samples.summary'),
  usage: ['samples --out DIR'],
  options: { out: { type: 'string' } },
  async run(values, io) {
    const files = await writeRegisterSamples(requireString(values, 'out'));
    for (const file of files) io.out(file);
    io.out(t('cli.samples.done', { count: files.length }));
    return EXIT.ok;
  },
};
