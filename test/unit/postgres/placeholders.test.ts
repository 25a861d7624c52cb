import { describe, expect, it } from 'vitest';
import { numberPlaceholders } from '../../../electron/register/postgres/placeholders.js';

describe('numberPlaceholders', () => {
  it('numbers every ? outside quotes in order', () => {
    expect(numberPlaceholders('SELECT a FROM t WHERE b = ? AND c IN (?, ?)')).toEqual({
      text: 'SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)',
      count: 3,
    });
  });

  it('leaves ? inside strings, quoted identifiers, comments and dollar quotes alone', () => {
    const sql = `SELECT '?', 'it''s ?', "odd?name" AS "x?", E'\\'?' -- what?
      /* outer /* nested ? */ still ? */ $$ body ? $$, $tag$ ? $tag$ FROM t WHERE a = ?`;
    const { text, count } = numberPlaceholders(sql);
    expect(count).toBe(1);
    expect(text.endsWith('WHERE a = $1')).toBe(true);
    expect(text.replace('WHERE a = $1', 'WHERE a = ?')).toBe(sql);
  });

  it('does not take a numbered parameter or an identifier ending in E for a quote', () => {
    expect(numberPlaceholders("SELECT $1::text, namE'x' , ?").count).toBe(1);
    expect(numberPlaceholders("SELECT namE'?', ?").text).toBe("SELECT namE'?', $1");
  });

  it('reads an unterminated quote as text to the end, adding no parameters', () => {
    expect(numberPlaceholders("SELECT ? WHERE a = 'open ?")).toEqual({ text: "SELECT $1 WHERE a = 'open ?", count: 1 });
  });
});
