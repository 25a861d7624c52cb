import { useRef } from 'react';
import { Box, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { EntryRecord } from '../../../../shared/domain/entry.js';
import { formatDate } from '../../i18n/format.js';
import { fullNameOf } from '../../components/entry-text.js';
import { StatusBadge, useKindTitle } from '../../components/entry-summary.js';

/**
 * At 1366×768 beside the navigation the list has about 1,100 px: number, date and status take
 * what their longest value needs (the status badge whole, «Видано, не отримано»), the rest share
 * what is left, and a name, kind or administrator wraps to a second line instead of being cut
 * (a kind longer than two lines ends in «…», whole in its tooltip).
 */
const COLUMNS = '100px 108px minmax(0, 1.3fr) minmax(0, 1.4fr) minmax(0, 1fr) 222px';
const ROW_HEIGHT = 64;

/** The journal page as a virtualised table: hundreds of rows stay smooth on an old laptop. */
export function JournalTable({ items, onOpen }: { items: EntryRecord[]; onOpen: (entry: EntryRecord) => void }) {
  const { t } = useTranslation();
  const kindTitle = useKindTitle();
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions each render; this row list is not memoised
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });

  return (
    <Box role="table" aria-label={t('ui.journal.title')} aria-rowcount={items.length + 1} style={{ border: '1px solid var(--mantine-color-gray-4)' }}>
      <div role="row" className="desk-journal-row" style={{ gridTemplateColumns: COLUMNS, background: 'var(--mantine-color-gray-1)', fontWeight: 700, cursor: 'default' }}>
        <div role="columnheader">{t('ui.entry.number')}</div>
        <div role="columnheader">{t('ui.entry.date')}</div>
        <div role="columnheader">{t('ui.entry.person')}</div>
        <div role="columnheader">{t('ui.entry.kinds')}</div>
        <div role="columnheader">{t('ui.entry.administrator')}</div>
        <div role="columnheader">{t('ui.entry.status')}</div>
      </div>
      <div ref={scroller} style={{ height: 'calc(100vh - 390px)', minHeight: 220, overflowY: 'auto' }}>
        {items.length === 0 && (
          <Text p="md" c="dimmed">
            {t('ui.journal.empty')}
          </Text>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const entry = items[row.index];
            if (!entry) return null;
            return (
              <div
                key={entry.id}
                role="row"
                aria-rowindex={row.index + 2}
                tabIndex={0}
                className="desk-journal-row"
                style={{ gridTemplateColumns: COLUMNS, position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
                onClick={() => onOpen(entry)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    onOpen(entry);
                  }
                }}
              >
                <div role="cell">{entry.printedNumber}</div>
                <div role="cell">{formatDate(entry.localDate)}</div>
                <div role="cell" title={fullNameOf(entry.content.subject.name)}>
                  <span className="desk-journal-wrap">{fullNameOf(entry.content.subject.name)}</span>
                </div>
                <div role="cell" title={entry.kinds.map(kindTitle).join('; ')}>
                  <span className="desk-journal-wrap">
                    {t(`ui.sort.${entry.sort}`)}: {entry.kinds.map(kindTitle).join('; ')}
                  </span>
                </div>
                <div role="cell">
                  <span className="desk-journal-wrap">{entry.createdBy.fullName}</span>
                </div>
                <div role="cell">
                  <StatusBadge status={entry.status} />
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </Box>
  );
}
