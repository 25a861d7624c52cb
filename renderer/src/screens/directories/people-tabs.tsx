import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { signatoryInputSchema } from '../../../../shared/domain/directories.js';
import { roles } from '../../../../shared/domain/roles.js';
import { entrySorts, sealKinds } from '../../../../shared/domain/entry.js';
import { desk } from '../../desk/client.js';
import { deskContract } from '../../desk/contract.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { RecordForm } from '../../components/form/record-form.js';
import { formatDate, kyivToday } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { useSessionStore } from '../../stores/index.js';
import { useReferenceStore } from '../../stores/reference-store.js';
import { useList } from './use-list.js';

function useIsHead(): boolean {
  return useSessionStore((state) => state.user?.role === 'head');
}

function AddPanel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** R7.10 «Для довідок» and R7.13 the executive committee's seal with the керуючий справами. */
export function SignatoriesTab() {
  const { t } = useTranslation();
  const language = useLanguage();
  const isHead = useIsHead();
  const reloadReference = useReferenceStore((state) => state.load);
  const officeId = useSessionStore((state) => state.user?.officeId ?? '');
  const { items, error, reload } = useList(() => desk.call('directories.signatories.list', {}));
  return (
    <Stack>
      <ErrorAlert error={error} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.directories.person')}</Table.Th>
            <Table.Th>{t('ui.directories.position')}</Table.Th>
            <Table.Th>{t('ui.directories.seal')}</Table.Th>
            <Table.Th>{t('ui.common.from')}</Table.Th>
            <Table.Th>{t('ui.common.to')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((person) => (
            <Table.Tr key={person.id}>
              <Table.Td>{person.fullName}</Table.Td>
              <Table.Td>{person.position}</Table.Td>
              <Table.Td>{`${person.sealName} (${t(`ui.directories.sealKinds.${person.seal}`)})`}</Table.Td>
              <Table.Td>{formatDate(person.validFrom, language)}</Table.Td>
              <Table.Td>{formatDate(person.validTo, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {isHead && (
        <AddPanel title={t('ui.directories.addSignatory')}>
          <RecordForm
            schema={signatoryInputSchema}
            defaults={{ fullName: '', position: '', seal: 'for_certificates', sealName: '', validFrom: kyivToday(), validTo: '' }}
            fields={[
              { name: 'fullName', label: t('ui.directories.person'), kind: 'text', required: true },
              { name: 'position', label: t('ui.directories.position'), kind: 'text', required: true },
              { name: 'seal', label: t('ui.directories.sealKind'), kind: 'select', required: true, options: sealKinds.map((kind) => ({ value: kind, label: t(`ui.directories.sealKinds.${kind}`) })) },
              { name: 'sealName', label: t('ui.directories.sealName'), kind: 'text', required: true },
              { name: 'validFrom', label: t('ui.common.from'), kind: 'date', required: true },
              { name: 'validTo', label: t('ui.common.to'), kind: 'date' },
            ]}
            submitLabel={t('ui.common.add')}
            onSubmit={async (values) => {
              await desk.call('directories.signatories.save', values);
              await reload();
              await reloadReference(officeId);
            }}
          />
        </AddPanel>
      )}
    </Stack>
  );
}

/** The central ЦНАП and the remote workplaces at starosta offices (R3.5). */
export function OfficesTab() {
  const { t } = useTranslation();
  const isHead = useIsHead();
  const { items, error, reload } = useList(() => desk.call('offices.list', {}).then((result) => result.items));
  return (
    <Stack>
      <ErrorAlert error={error} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.directories.code')}</Table.Th>
            <Table.Th>{t('ui.directories.officeName')}</Table.Th>
            <Table.Th>{t('ui.directories.officeKind')}</Table.Th>
            <Table.Th>{t('ui.directories.starostaDistrict')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((office) => (
            <Table.Tr key={office.id}>
              <Table.Td>{office.code}</Table.Td>
              <Table.Td>{office.name}</Table.Td>
              <Table.Td>{t(`ui.directories.officeKinds.${office.kind}`)}</Table.Td>
              <Table.Td>{office.starostaDistrict ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {isHead && (
        <AddPanel title={t('ui.directories.addOffice')}>
          <RecordForm
            schema={deskContract['offices.create'].input}
            defaults={{ code: '', name: '', kind: 'remote', starostaDistrict: '' }}
            fields={[
              { name: 'code', label: t('ui.directories.code'), kind: 'text', required: true, description: t('ui.setup.officeCodeHint') },
              { name: 'name', label: t('ui.directories.officeName'), kind: 'text', required: true },
              { name: 'kind', label: t('ui.directories.officeKind'), kind: 'select', required: true, options: (['central', 'remote'] as const).map((kind) => ({ value: kind, label: t(`ui.directories.officeKinds.${kind}`) })) },
              { name: 'starostaDistrict', label: t('ui.directories.starostaDistrict'), kind: 'text' },
            ]}
            submitLabel={t('ui.common.add')}
            onSubmit={async (values) => {
              await desk.call('offices.create', values);
              await reload();
            }}
          />
        </AddPanel>
      )}
    </Stack>
  );
}

/** R7.11/R7.12: several journals, each with its nomenclature index and its own numbering. */
export function JournalsTab() {
  const { t } = useTranslation();
  const isHead = useIsHead();
  const offices = useReferenceStore((state) => state.offices);
  const reloadReference = useReferenceStore((state) => state.load);
  const officeId = useSessionStore((state) => state.user?.officeId ?? '');
  const { items, error, reload } = useList(() => desk.call('journals.list', {}).then((result) => result.items));
  return (
    <Stack>
      <ErrorAlert error={error} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.directories.journalIndex')}</Table.Th>
            <Table.Th>{t('ui.directories.journalTitle')}</Table.Th>
            <Table.Th>{t('ui.directories.office')}</Table.Th>
            <Table.Th>{t('ui.directories.sorts')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((journal) => (
            <Table.Tr key={journal.id}>
              <Table.Td>{journal.index}</Table.Td>
              <Table.Td>{journal.title}</Table.Td>
              <Table.Td>{journal.officeCode}</Table.Td>
              <Table.Td>{journal.sorts.map((sort) => t(`ui.sort.${sort}`)).join(', ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {isHead && (
        <AddPanel title={t('ui.directories.addJournal')}>
          <RecordForm
            schema={deskContract['journals.create'].input}
            defaults={{ officeId, index: '', title: '', sorts: [...entrySorts] }}
            fields={[
              { name: 'officeId', label: t('ui.directories.office'), kind: 'select', required: true, options: offices.map((office) => ({ value: office.id, label: `${office.code} — ${office.name}` })) },
              { name: 'index', label: t('ui.directories.journalIndex'), kind: 'text', required: true, description: t('ui.setup.journalIndexHint') },
              { name: 'title', label: t('ui.directories.journalTitle'), kind: 'text', required: true },
              { name: 'sorts', label: t('ui.directories.sorts'), kind: 'multiselect', required: true, options: entrySorts.map((sort) => ({ value: sort, label: t(`ui.sort.${sort}`) })) },
            ]}
            submitLabel={t('ui.common.add')}
            onSubmit={async (values) => {
              await desk.call('journals.create', values);
              await reload();
              await reloadReference(officeId);
            }}
          />
        </AddPanel>
      )}
    </Stack>
  );
}

const newUserSchema = deskContract['users.create'].input;

/** Accounts of the department (head only): administrators, remote administrators, heads. */
export function UsersTab() {
  const { t } = useTranslation();
  const isHead = useIsHead();
  const offices = useReferenceStore((state) => state.offices);
  const officeId = useSessionStore((state) => state.user?.officeId ?? '');
  const { items, error, reload } = useList(() => (isHead ? desk.call('users.list', {}).then((result) => result.items) : Promise.resolve([])), String(isHead));
  if (!isHead) return <Text c="dimmed">{t('ui.settings.headOnly')}</Text>;
  return (
    <Stack>
      <ErrorAlert error={error} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.login.login')}</Table.Th>
            <Table.Th>{t('ui.directories.person')}</Table.Th>
            <Table.Th>{t('ui.directories.role')}</Table.Th>
            <Table.Th>{t('ui.directories.office')}</Table.Th>
            <Table.Th>{t('ui.directories.active')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((account) => (
            <Table.Tr key={account.id}>
              <Table.Td>{account.login}</Table.Td>
              <Table.Td>{account.fullName}</Table.Td>
              <Table.Td>{t(`ui.roles.${account.role}`)}</Table.Td>
              <Table.Td>{offices.find((office) => office.id === account.officeId)?.code ?? ''}</Table.Td>
              <Table.Td>{account.active ? t('ui.common.yes') : t('ui.common.no')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <AddPanel title={t('ui.directories.addUser')}>
        <RecordForm
          schema={newUserSchema as z.ZodType<z.output<typeof newUserSchema>>}
          defaults={{ login: '', fullName: '', role: 'admin', officeId, password: '' }}
          fields={[
            { name: 'login', label: t('ui.login.login'), kind: 'text', required: true, description: t('ui.setup.headLoginHint') },
            { name: 'fullName', label: t('ui.directories.person'), kind: 'text', required: true },
            { name: 'role', label: t('ui.directories.role'), kind: 'select', required: true, options: roles.map((role) => ({ value: role, label: t(`ui.roles.${role}`) })) },
            { name: 'officeId', label: t('ui.directories.office'), kind: 'select', required: true, options: offices.map((office) => ({ value: office.id, label: `${office.code} — ${office.name}` })) },
            { name: 'password', label: t('ui.setup.password'), kind: 'password', required: true, description: t('ui.setup.passwordHint') },
          ]}
          submitLabel={t('ui.common.add')}
          onSubmit={async (values) => {
            await desk.call('users.create', values);
            await reload();
          }}
        />
      </AddPanel>
    </Stack>
  );
}
