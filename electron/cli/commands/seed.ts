import { DEFAULT_SEED, generateRegister } from '../../app/synthetic/generator.js';
import { SEED_PASSWORD } from '../../app/synthetic/desk-cast.js';
import { dataDirOption, EXIT, requireString, UsageError, type CliCommand } from '../command.js';

/** A developer's tool: its words live here, in both languages, rather than in the desk's strings. */
const english = /^en/i.test(process.env.CNAP_LANG ?? process.env.LANG ?? '');
const words = english
  ? {
      summary: 'create a synthetic register (benchmarks, training) in an empty folder',
      badCount: '--entries must be a whole number from 1',
      badSeed: '--seed must be a whole number',
      progress: (written: string, total: string) => `  ${written} / ${total} entries`,
      done: (entries: string, seconds: string, first: string, last: string) => `Done: ${entries} entries from ${first} to ${last} in ${seconds} s.`,
      logins: `Sign in as head, admin1, admin2, poloshky or bereza with the password ${SEED_PASSWORD}`,
    }
  : {
      summary: 'створити синтетичний реєстр (бенчмарки, навчання) у порожній теці',
      badCount: '--entries має бути цілим числом від 1',
      badSeed: '--seed має бути цілим числом',
      progress: (written: string, total: string) => `  ${written} / ${total} записів`,
      done: (entries: string, seconds: string, first: string, last: string) => `Готово: ${entries} записів з ${first} по ${last} за ${seconds} с.`,
      logins: `Вхід: head, admin1, admin2, poloshky або bereza з паролем ${SEED_PASSWORD}`,
    };

function wholeNumber(value: string | boolean | undefined, fallback: number, message: string, min = Number.MIN_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < min) throw new UsageError(message);
  return parsed;
}

/** A synthetic register for the benchmark (the same generator): `npm run cli -- seed --data-dir DIR --entries N [--seed S]`. */
export const seedCommand: CliCommand = {
  name: 'seed',
  summary: words.summary,
  usage: ['seed --data-dir DIR --entries N [--seed S]'],
  options: { ...dataDirOption, entries: { type: 'string' }, seed: { type: 'string' } },
  async run(values, io) {
    const dataDir = requireString(values, 'data-dir');
    const entries = wholeNumber(requireString(values, 'entries'), 0, words.badCount, 1);
    const seed = wholeNumber(values.seed, DEFAULT_SEED, words.badSeed);
    const step = Math.max(5_000, Math.ceil(entries / 20 / 5_000) * 5_000);
    const result = await generateRegister({
      dataDir,
      entries,
      seed,
      onProgress: (written, total) => {
        if (written % step === 0 || written === total) io.out(words.progress(written.toLocaleString('uk-UA'), total.toLocaleString('uk-UA')));
      },
    });
    io.out(words.done(result.entries.toLocaleString('uk-UA'), result.seconds.toFixed(0), result.firstDate, result.lastDate));
    io.out(words.logins);
    return EXIT.ok;
  },
};
