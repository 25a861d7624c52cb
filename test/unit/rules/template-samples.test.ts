import { describe, expect, it } from 'vitest';
import { defaultTemplates } from '../../../shared/rules/default-templates.js';
import { sampleTemplateGrammar, sampleTemplateValues } from '../../../shared/rules/template-samples.js';
import { parseTemplate, placeholdersFor, renderTemplate } from '../../../shared/rules/templates.js';
import { GENDER_LEFTOVER } from './fixtures.js';

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

  it('print one form for each person, never «він (вона)»: the men of the sample as men, and every template for a woman too', () => {
    const woman = { gender: 'female', deceased: 'female', signer: 'female' } as const;
    for (const [key, { text }] of Object.entries(defaultTemplates)) {
      const parsed = parseTemplate(text, placeholdersFor(key));
      if (!parsed.ok) throw new Error(`default template ${key} does not parse`);
      for (const grammar of [sampleTemplateGrammar, woman]) {
        const printed = renderTemplate(parsed.template, sampleTemplateValues, grammar).paragraphs.join('\n');
        expect(printed, `${key} ${grammar.gender}`).not.toMatch(GENDER_LEFTOVER);
      }
    }
    const breadwinner = parseTemplate(defaultTemplates.breadwinner_cohabitation?.text ?? '', placeholdersFor('breadwinner_cohabitation'));
    if (!breadwinner.ok) throw new Error('breadwinner template does not parse');
    // The preview's Тарас and his late father Григорій are men.
    expect(renderTemplate(breadwinner.template, sampleTemplateValues, sampleTemplateGrammar).paragraphs[0]).toContain('він на момент смерті Шевченка Григорія Івановича, який помер');
  });

  it('are themselves printable by the certificate font', () => {
    for (const [name, value] of Object.entries(sampleTemplateValues)) {
      expect(parseTemplate(value).ok, name).toBe(true);
    }
  });
});
