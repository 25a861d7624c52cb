import { readFigures, resetFigures } from './figures.js';

/** Starts each run with no figures and prints them all, grouped by test, when the run ends. */
export default function setup(): () => void {
  resetFigures();
  return () => {
    const figures = readFigures();
    if (figures.length === 0) return;
    const lines = ['', 'Reliability figures', '==================='];
    let test = '';
    for (const figure of figures) {
      if (figure.test !== test) {
        test = figure.test;
        lines.push(`${test}:`);
      }
      lines.push(`  ${figure.figure}: ${figure.value}`);
    }
    console.log(lines.join('\n'));
  };
}
