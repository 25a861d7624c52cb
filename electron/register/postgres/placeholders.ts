/**
 * Repositories write one SQL text for both backends with `?` placeholders; PostgreSQL numbers
 * its parameters (`$1`, `$2`, …). A `?` inside a string literal, a quoted identifier, a
 * dollar-quoted body or a comment is text, not a parameter, and stays as it is.
 */
export function numberPlaceholders(sql: string): { text: string; count: number } {
  let text = '';
  let count = 0;
  let index = 0;
  while (index < sql.length) {
    const skipped = skipQuoted(sql, index);
    if (skipped > index) {
      text += sql.slice(index, skipped);
      index = skipped;
    } else if (sql[index] === '?') {
      count += 1;
      text += `$${count}`;
      index += 1;
    } else {
      text += sql[index];
      index += 1;
    }
  }
  return { text, count };
}

/** The index just past the quoted text or comment starting at `start`, or `start` if none does. */
function skipQuoted(sql: string, start: number): number {
  const char = sql[start];
  const next = sql[start + 1];
  if (char === "'") return skipString(sql, start, isEscapeString(sql, start));
  if (char === '"') return skipIdentifier(sql, start);
  if (char === '-' && next === '-') return lineEnd(sql, start);
  if (char === '/' && next === '*') return skipBlockComment(sql, start);
  if (char === '$') return skipDollarQuoted(sql, start);
  return start;
}

/** `E'…'` strings take backslash escapes; an `E` that ends an identifier (`name'`) does not count. */
function isEscapeString(sql: string, quote: number): boolean {
  const before = sql[quote - 1];
  return (before === 'E' || before === 'e') && !/[\w$]/.test(sql[quote - 2] ?? '');
}

function skipString(sql: string, start: number, backslashEscapes: boolean): number {
  let index = start + 1;
  while (index < sql.length) {
    const char = sql[index];
    if (backslashEscapes && char === '\\') index += 2;
    else if (char === "'" && sql[index + 1] === "'") index += 2;
    else if (char === "'") return index + 1;
    else index += 1;
  }
  return sql.length;
}

/** `"…"`, with `""` standing for one quote inside. */
function skipIdentifier(sql: string, start: number): number {
  let index = start + 1;
  while (index < sql.length) {
    if (sql[index] === '"' && sql[index + 1] === '"') index += 2;
    else if (sql[index] === '"') return index + 1;
    else index += 1;
  }
  return sql.length;
}

function lineEnd(sql: string, start: number): number {
  const end = sql.indexOf('\n', start);
  return end === -1 ? sql.length : end;
}

/** PostgreSQL's block comments nest. */
function skipBlockComment(sql: string, start: number): number {
  let depth = 0;
  let index = start;
  while (index < sql.length) {
    if (sql.startsWith('/*', index)) {
      depth += 1;
      index += 2;
    } else if (sql.startsWith('*/', index)) {
      depth -= 1;
      index += 2;
      if (depth === 0) return index;
    } else index += 1;
  }
  return sql.length;
}

/** `$$ … $$` or `$tag$ … $tag$`; `$1` (a numbered parameter) is not a quote. */
function skipDollarQuoted(sql: string, start: number): number {
  const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(start, start + 64));
  if (!tag || /[\w$]/.test(sql[start - 1] ?? '')) return start;
  const close = sql.indexOf(tag[0], start + tag[0].length);
  return close === -1 ? sql.length : close + tag[0].length;
}
