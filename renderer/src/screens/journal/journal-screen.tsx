import { useEffect, useRef } from 'react';
import { Button, Group, Pagination, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { entrySorts, entryStatuses } from '../../../../shared/domain/entry.js';
import { catalogue } from '../../../../shared/rules/catalogue.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { DeskDateInput } from '../../components/form/date-input.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { useReferenceStore } from '../../stores/reference-store.js';
import { useShortcutStore } from '../../stores/shortcut-store.js';
import { JOURNAL_PAGE_SIZE } from './journal-store.js';
import { useJournalStore } from './use-journal-store.js';
import { JournalTable } from './journal-table.js';
import { EntryDrawer } from './entry-drawer.js';
import { DayTotals } from './day-totals.js';
import { JournalPagesButton } from './journal-pages.js';
import { PaperJournalButton } from './paper-journal.js';
import { useSessionStore } from '../../stores/index.js';

export function JournalScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { filters, items, total, page, loading, error, selectedId, setFilters, search, select, replace } = useJournalStore();
  const journals = useReferenceStore((state) => state.journals);
  const customKinds = useReferenceStore((state) => state.customKinds);
  const searchRequest = useShortcutStore((state) => state.searchRequest);
  const searchBox = useRef<HTMLInputElement>(null);
  const isHead = useSessionStore((state) => state.user?.role === 'head');

  useEffect(() => {
    void useJournalStore.getState().search(1);
  }, []);

  useEffect(() => {
    searchBox.current?.focus();
    searchBox.current?.select();
  }, [searchRequest]);

  const selected = items.find((entry) => entry.id === selectedId) ?? null;
  const pages = Math.max(1, Math.ceil(total / JOURNAL_PAGE_SIZE));
  const option = (value: string, label: string) => ({ value, label });

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('ui.journal.title')}
        </Title>
        <DayTotals />
      </Group>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          void search(1);
        }}
      >
        <Stack gap="xs">
          <Group align="flex-end" gap="sm">
            <TextInput
              ref={searchBox}
              style={{ flex: 1 }}
              label={t('ui.journal.search')}
              description={t('ui.journal.searchHint')}
              value={filters.text}
              onChange={(event) => setFilters({ text: event.currentTarget.value })}
            />
            <Button type="submit" loading={loading}>
              {t('ui.common.search')}
            </Button>
            <JournalPagesButton />
            {isHead && <PaperJournalButton />}
          </Group>
          <SimpleGrid cols={6} spacing="xs">
            <DeskDateInput size="sm" label={t('ui.common.from')} value={filters.dateFrom} onChange={(dateFrom) => setFilters({ dateFrom })} />
            <DeskDateInput size="sm" label={t('ui.common.to')} value={filters.dateTo} onChange={(dateTo) => setFilters({ dateTo })} />
            <Select
              size="sm"
              label={t('ui.journal.journal')}
              data={[option('', t('ui.common.all')), ...journals.map((journal) => option(journal.id, journal.index))]}
              value={filters.journalId}
              onChange={(value) => setFilters({ journalId: value ?? '' })}
              allowDeselect={false}
            />
            <Select
              size="sm"
              label={t('ui.journal.kind')}
              data={[option('', t('ui.common.all')), ...catalogue.map((kind) => option(kind.id, t(kind.titleKey))), ...customKinds.map((kind) => option(kind.id, kind.title))]}
              value={filters.kind}
              onChange={(value) => setFilters({ kind: value ?? '' })}
              allowDeselect={false}
              searchable
            />
            <Select
              size="sm"
              label={t('ui.journal.sort')}
              data={[option('', t('ui.common.all')), ...entrySorts.map((sort) => option(sort, t(`ui.sort.${sort}`)))]}
              value={filters.sort}
              onChange={(value) => setFilters({ sort: (value ?? '') as typeof filters.sort })}
              allowDeselect={false}
            />
            <Select
              size="sm"
              label={t('ui.journal.status')}
              data={[option('', t('ui.common.all')), ...entryStatuses.map((status) => option(status, t(`ui.status.${status}`)))]}
              value={filters.status}
              onChange={(value) => setFilters({ status: (value ?? '') as typeof filters.status })}
              allowDeselect={false}
            />
          </SimpleGrid>
        </Stack>
      </form>
      <ErrorAlert error={error} />
      <Text size="sm" role="status">
        {t('ui.journal.found', { formatted: formatNumber(total, language) })}
      </Text>
      <JournalTable items={items} onOpen={(entry) => select(entry.id)} />
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={(next) => void search(next)}
          getControlProps={(control) => ({ 'aria-label': t(control === 'previous' ? 'ui.journal.pagePrevious' : 'ui.journal.pageNext') })}
          getItemProps={(number) => ({ 'aria-label': t('ui.journal.pageNumber', { page: number }) })}
        />
      )}
      <EntryDrawer entry={selected} onClose={() => select(null)} onChanged={replace} />
    </Stack>
  );
}
