import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One file per `npm run test:reliability` run; each test file (its own process) appends to it. */
const FIGURES_FILE = path.join(os.tmpdir(), 'desk-reliability-figures.jsonl');

export interface Figure {
  test: string;
  figure: string;
  value: number | string;
}

export function recordFigure(test: string, figure: string, value: number | string): void {
  appendFileSync(FIGURES_FILE, `${JSON.stringify({ test, figure, value } satisfies Figure)}\n`);
  console.log(`[reliability] ${test}: ${figure} = ${value}`);
}

export function resetFigures(): void {
  rmSync(FIGURES_FILE, { force: true });
}

export function readFigures(): Figure[] {
  if (!existsSync(FIGURES_FILE)) return [];
  return readFileSync(FIGURES_FILE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Figure);
}
