import { Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntryRecord } from '../../../shared/domain/entry.js';
import { findKind, type CustomKind } from '../../../shared/rules/catalogue.js';
import { formatDate, formatDateTime } from '../i18n/format.js';
import { addressLine, fullNameOf, personLine } from './entry-text.js';
import { useRulePoint } from './rule-point.js';
import { useReferenceStore } from '../stores/reference-store.js';

const statusColor = { issued: 'blue', handed_over: 'green', annulled: 'gray', refused: 'orange' } as const;

export function StatusBadge({ status }: { status: EntryRecord['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status]} variant="filled" tt="none">
      {t(`ui.status.${status}`)}
    </Badge>
  );
}

/** A kind's title in the interface language (custom kinds keep the decision's own words). */
export function useKindTitle(): (kindId: string) => string {
  const { t } = useTranslation();
  const customKinds = useReferenceStore((state) => state.customKinds);
  return kindTitleWith(t, customKinds);
}

/** A kind's title through a given translator (reports export in Ukrainian whatever the interface language). */
export function kindTitleWith(t: (key: string) => string, customKinds: readonly CustomKind[] = []): (kindId: string) => string {
  return (kindId) => {
    const builtIn = findKind(kindId);
    if (builtIn) return t(builtIn.titleKey);
    return findKind(kindId, customKinds)?.title ?? kindId;
  };
}

/** The entry as the journal records it: number, date, person, what, status, handover, annulment. */
export function EntrySummary({ entry }: { entry: EntryRecord }) {
  const { t } = useTranslation();
  const kindTitle = useKindTitle();
  const point = useRulePoint();
  const content = entry.content;
  const rows: [string, React.ReactNode][] = [
    [t('ui.entry.number'), entry.printedNumber],
    [t('ui.entry.date'), formatDate(entry.localDate)],
    [t('ui.entry.sort'), t(`ui.sort.${entry.sort}`)],
    [t('ui.entry.kinds'), entry.kinds.map(kindTitle).join('; ')],
    [t('ui.entry.person'), personLine(content.subject.name, content.subject.birthDate)],
    [t('ui.entry.address'), addressLine(content.address, t)],
    [t('ui.entry.applicant'), content.applicant.actsAs === 'representative' ? t('ui.entry.representative', { name: fullNameOf(content.applicant.name) }) : t('ui.issue.applicantSelf')],
    [t('ui.entry.status'), <StatusBadge key="status" status={entry.status} />],
    [t('ui.entry.administrator'), entry.createdBy.fullName],
    [t('ui.entry.journal'), `${entry.journalIndex} (${entry.officeCode})`],
  ];
  // Grounds worded since they are chosen from the list carry their point («п. 7.4.2 — …»); older ones get it added.
  if (content.sort === 'refusal') rows.push([t('ui.entry.grounds'), content.grounds.map((ground) => (/^п\.\s/.test(ground.text) ? ground.text : `${ground.text} (${point(ground.ruleId)})`)).join('; ')]);
  if (entry.handover) {
    rows.push([t('ui.entry.handover'), `${formatDateTime(entry.handover.at)} — ${entry.handover.recipientName} (${t(`ui.handover.${entry.handover.receivedBy}`)})`]);
    const proxy = entry.handover.powerOfAttorney;
    if (proxy) rows.push([t('ui.handover.powerOfAttorney'), t('ui.handover.proxySummary', { number: proxy.number, date: formatDate(proxy.date), issuer: proxy.issuer })]);
  }
  if (entry.annulment) {
    rows.push([t('ui.entry.annulment'), `${formatDateTime(entry.annulment.at)} — ${entry.annulment.reason} (${entry.annulment.byUserName})`]);
    if (entry.annulment.replacedByPrintedNumber) rows.push([t('ui.entry.replacedBy'), entry.annulment.replacedByPrintedNumber]);
  }
  if (entry.reissueOf) rows.push([t('ui.entry.reissueOf'), entry.reissueOf.printedNumber]);
  return (
    <Table withTableBorder variant="vertical" layout="fixed">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={220}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
