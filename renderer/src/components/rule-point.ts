import { useTranslation } from 'react-i18next';
import { rulePoint } from '../../../shared/rules/rule-point.js';

/**
 * A rule as a label cites it for a person: «п. 7.4.3» (English «cl. 7.4.3»), never the code
 * `R7.4.3` the rules and tests use.
 */
export function useRulePoint(): (ruleId: string) => string {
  const { t } = useTranslation();
  return (ruleId) => t('ui.common.rulePoint', { point: rulePoint(ruleId) });
}
