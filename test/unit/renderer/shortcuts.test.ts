import { describe, expect, it } from 'vitest';
import { shortcutFor } from '../../../renderer/src/stores/shortcut-store.js';

const key = (code: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({
  key: code.replace('Key', '').toLowerCase(),
  code,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('keyboard shortcuts', () => {
  it('maps Alt+N, Alt+F, Ctrl+F and Ctrl+P', () => {
    expect(shortcutFor(key('KeyN', { altKey: true }))).toBe('newCertificate');
    expect(shortcutFor(key('KeyF', { altKey: true }))).toBe('search');
    expect(shortcutFor(key('KeyF', { ctrlKey: true }))).toBe('search');
    expect(shortcutFor(key('KeyP', { ctrlKey: true }))).toBe('print');
  });

  it('works on the Ukrainian layout, where the letter keys type Cyrillic', () => {
    expect(shortcutFor({ ...key('KeyN', { altKey: true }), key: 'т' })).toBe('newCertificate');
  });

  it('leaves plain typing and other combinations alone', () => {
    expect(shortcutFor(key('KeyN'))).toBeNull();
    expect(shortcutFor(key('KeyP', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutFor(key('KeyN', { ctrlKey: true }))).toBeNull();
  });
});
