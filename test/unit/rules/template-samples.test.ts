import { describe, expect, it } from 'vitest';
import { defaultTemplates } from '../../../shared/rules/default-templates.js';
import { sampleTemplateValues } from '../../../shared/rules/template-samples.js';
import { parseTemplate, placeholdersFor, renderTemplate } from '../../../shared/rules/templates.js';

describe('template preview samples', () => {
  it('fill every placeholder of every default template, so a preview shows each paragraph', () => {
    for (const [key, { text }] of Object.entries(defaultTemplates)) {
      const parsed = parseTemplate(text, placeholdersFor(key));
      if (!parsed.ok) throw new Error(`default template ${key} does not parse`);
      const body = renderTemplate(parsed.template, sampleTemplateValues);
      expect(body.missing, key).toEqual([]);
      expect(body.paragraphs.length, key).toBeGreaterThan(0);
    }
  });

  it('are themselves printable by the certificate font', () => {
    for (const [name, value] of Object.entries(sampleTemplateValues)) {
      expect(parseTemplate(value).ok, name).toBe(true);
    }
  });
});
