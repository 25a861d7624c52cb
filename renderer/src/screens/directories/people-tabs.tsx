import { useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Journal, Office, UserSummary } from '../../../../shared/domain/directories-core.js';
import { isoDateSchema } from '../../../../shared/domain/person.js';
import { signatoryInputSchema, type Signatory } from '../../../../shared/domain/directories.js';
import { roles } from '../../../../shared/domain/roles.js';
import { entrySorts, sealKinds } from '../../../../shared/domain/entry.js';
import { desk } from '../../desk/client.js';
import { deskContract } from '../../desk/contract.js';
import { formatDate, kyivToday } from '../../i18n/format.js';
import { useSessionStore } from '../../stores/index.js';
import { useReferenceStore } from '../../stores/reference-store.js';
import { AddRecordPanel, DirectoryTab, DirectoryTable } from './directory-list.js';
import { RecordDialog } from './record-dialog.js';
import { useList } from './use-list.js';

function useIsHead(): boolean {
  return useSessionStore((state) => state.user?.role === 'head');
}

/** R7.10 «Для довідок» and R7.13 the executive committee's seal with the керуючий справами. */
export function SignatoriesTab() {
  const { t } = useTranslation();
  const isHead = useIsHead();
  const reloadReference = useReferenceStore((state) => state.load);
  const officeId = useSessionStore((state) => state.user?.officeId ?? '');
  const { items, error, reload } = useList(() => desk.call('directories.signatories.list', {}));
  const [ending, setEnding] = useState<Signatory | null>(null);
  const reloadAll = async () => {
    await reload();
    await reloadReference(officeId);
  };
  return (
    <DirectoryTab
      error={error}
      add={isHead && (
        <AddRecordPanel
          title={t('ui.directories.addSignatory')}
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
          onSubmit={async (values) => {
            await desk.call('directories.signatories.save', values);
            await reload();
            await reloadReference(officeId);
          }}
        />
      )}
    >
      <DirectoryTable
        items={items}
        columns={[
          { header: t('ui.directories.person'), cell: (person) => person.fullName },
          { header: t('ui.directories.position'), cell: (person) => person.position },
          { header: t('ui.directories.seal'), cell: (person) => `${person.sealName} (${t(`ui.directories.sealKinds.${person.seal}`)})` },
          { header: t('ui.common.from'), cell: (person) => formatDate(person.validFrom) },
          { header: t('ui.common.to'), cell: (person) => formatDate(person.validTo) },
          {
            header: '',
            cell: (person) =>
              isHead &&
              !person.validTo && (
                <Button size="compact-md" variant="default" onClick={() => setEnding(person)} aria-label={t('deskHead.endSignatoryOf', { name: person.fullName })}>
                  {t('ui.directories.closePost')}
                </Button>
              ),
          },
        ]}
      />
      {ending && <EndSignatoryDialog signatory={ending} onClose={() => setEnding(null)} onEnded={reloadAll} />}
    </DirectoryTab>
  );
}

/** The central ЦНАП and the remote workplaces at starosta offices (R3.5). */
export function OfficesTab() {
  const { t } = useTranslation();
  const isHead = useIsHead();
  const reloadReference = useReferenceStore((state) => state.load);
  const officeId = useSessionStore((state) => state.user?.officeId ?? '');
  const { items, error, reload } = useList(() => desk.call('offices.list', {}).then((result) => result.items));
  const [editing, setEditing] = useState<Office | null>(null);
  // The journals' office choice reads the reference store: a new office is offered there at once.
  const reloadAll = async () => {
    await reload();
    await reloadReference(officeId);
  };
  return (
    <DirectoryTab
      error={error}
      add={isHead && (
        <AddRecordPanel
          title={t('ui.directories.addOffice')}
          schema={deskContract['offices.create'].input}
          defaults={{ code: '', name: '', kind: 'remote', starostaDistrict: '' }}
          fields={[
            { name: 'code', label: t('ui.directories.code'), kind: 'text', required: true, description: t('ui.setup.officeCodeHint') },
            { name: 'name', label: t('ui.directories.officeName'), kind: 'text', required: true },
            { name: 'kind', label: t('ui.directories.officeKind'), kind: 'select', required: true, options: (['central', 'remote'] as const).map((kind) => ({ value: kind, label: t(`ui.directories.officeKinds.${kind}`) })) },
            { name: 'starostaDistrict', label: t('ui.directories.starostaDistrict'), kind: 'text' },
          ]}
          onSubmit={async (values) => {
            await desk.call('offices.create', values);
            await reloadAll();
          }}
        />
      )}
    >
      <DirectoryTable
        items={items}
        columns={[
          { header: t('ui.directories.code'), cell: (office) => office.code },
          { header: t('ui.directories.officeName'), cell: (office) => office.name },
          { header: t('ui.directories.officeKind'), cell: (office) => t(`ui.directories.officeKinds.${office.kind}`) },
          { header: t('ui.directories.starostaDistrict'), cell: (office) => office.starostaDistrict ?? '' },
          { header: t('ui.directories.active'), cell: (office) => (office.active ? t('ui.common.yes') : t('ui.common.no')) },
          { header: '', cell: (office) => isHead && <EditButton name={office.name} onClick={() => setEditing(office)} /> },
        ]}
      />
      {editing && (
        <RecordDialog
          title={t('deskHead.editOffice', { name: editing.name })}
          schema={deskContract['offices.update'].input}
          defaults={{ id: editing.id, code: editing.code, name: editing.name, kind: editing.kind, starostaDistrict: editing.starostaDistrict ?? '', active: editing.active }}
          fields={[
            { name: 'code', label: t('ui.directories.code'), kind: 'text', required: true, description: t('ui.setup.officeCodeHint') },
            { name: 'name', label: t('ui.directories.officeName'), kind: 'text', required: true },
            { name: 'kind', label: t('ui.directories.officeKind'), kind: 'select', required: true, options: (['central', 'remote'] as const).map((kind) => ({ value: kind, label: t(`ui.directories.officeKinds.${kind}`) })) },
            { name: 'starostaDistrict', label: t('ui.directories.starostaDistrict'), kind: 'text' },
            { name: 'active', label: t('deskHead.officeActive'), kind: 'checkbox' },
          ]}
          submitLabel={t('ui.common.save')}
          onClose={() => setEditing(null)}
          onSubmit={async (values) => {
            await desk.call('offices.update', values);
            setEditing(null);
            await reloadAll();
          }}
        />
      )}
    </DirectoryTab>
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
  const [editing, setEditing] = useState<Journal | null>(null);
  return (
    <DirectoryTab
      error={error}
      add={isHead && (
        <AddRecordPanel
          title={t('ui.directories.addJournal')}
          schema={deskContract['journals.create'].input}
          defaults={{ officeId, index: '', title: '', sorts: [...entrySorts] }}
          fields={[
            { name: 'officeId', label: t('ui.directories.office'), kind: 'select', required: true, options: offices.map((office) => ({ value: office.id, label: `${office.code} — ${office.name}` })) },
            { name: 'index', label: t('ui.directories.journalIndex'), kind: 'text', required: true, description: t('ui.setup.journalIndexHint') },
            { name: 'title', label: t('ui.directories.journalTitle'), kind: 'text', required: true },
            { name: 'sorts', label: t('ui.directories.sorts'), kind: 'multiselect', required: true, options: entrySorts.map((sort) => ({ value: sort, label: t(`ui.sort.${sort}`) })) },
          ]}
          onSubmit={async (values) => {
            await desk.call('journals.create', values);
            await reload();
            await reloadReference(officeId);
          }}
        />
      )}
    >
      <DirectoryTable
        items={items}
        columns={[
          { header: t('ui.directories.journalIndex'), cell: (journal) => journal.index },
          { header: t('ui.directories.journalTitle'), cell: (journal) => journal.title },
          { header: t('ui.directories.office'), cell: (journal) => journal.officeCode },
          { header: t('ui.directories.sorts'), cell: (journal) => journal.sorts.map((sort) => t(`ui.sort.${sort}`)).join(', ') },
          { header: t('ui.directories.active'), cell: (journal) => (journal.active ? t('ui.common.yes') : t('ui.common.no')) },
          { header: '', cell: (journal) => isHead && <EditButton name={journal.title} onClick={() => setEditing(journal)} /> },
        ]}
      />
      {editing && (
        <RecordDialog
          title={t('deskHead.editJournal', { name: editing.title })}
          explanation={t('deskHead.journalFixed')}
          schema={deskContract['journals.update'].input}
          defaults={{ id: editing.id, index: editing.index, title: editing.title, sorts: editing.sorts, active: editing.active }}
          fields={[
            { name: 'index', label: t('ui.directories.journalIndex'), kind: 'text', required: true, description: t('ui.setup.journalIndexHint') },
            { name: 'title', label: t('ui.directories.journalTitle'), kind: 'text', required: true },
            { name: 'sorts', label: t('ui.directories.sorts'), kind: 'multiselect', required: true, options: entrySorts.map((sort) => ({ value: sort, label: t(`ui.sort.${sort}`) })) },
            { name: 'active', label: t('deskHead.journalActive'), kind: 'checkbox' },
          ]}
          submitLabel={t('ui.common.save')}
          onClose={() => setEditing(null)}
          onSubmit={async (values) => {
            await desk.call('journals.update', values);
            setEditing(null);
            await reload();
            await reloadReference(officeId);
          }}
        />
      )}
    </DirectoryTab>
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
  const [editing, setEditing] = useState<UserSummary | null>(null);
  const [resetting, setResetting] = useState<UserSummary | null>(null);
  if (!isHead) return <Text c="dimmed">{t('ui.settings.headOnly')}</Text>;
  return (
    <DirectoryTab
      error={error}
      add={
        <AddRecordPanel
          title={t('ui.directories.addUser')}
          schema={newUserSchema as z.ZodType<z.output<typeof newUserSchema>>}
          defaults={{ login: '', fullName: '', role: 'admin', officeId, password: '' }}
          fields={[
            { name: 'login', label: t('ui.login.login'), kind: 'text', required: true, description: t('ui.setup.headLoginHint') },
            { name: 'fullName', label: t('ui.directories.person'), kind: 'text', required: true },
            { name: 'role', label: t('ui.directories.role'), kind: 'select', required: true, options: roles.map((role) => ({ value: role, label: t(`ui.roles.${role}`) })) },
            { name: 'officeId', label: t('ui.directories.office'), kind: 'select', required: true, options: offices.map((office) => ({ value: office.id, label: `${office.code} — ${office.name}` })) },
            { name: 'password', label: t('ui.setup.password'), kind: 'password', required: true, description: t('ui.setup.passwordHint') },
          ]}
          onSubmit={async (values) => {
            await desk.call('users.create', values);
            await reload();
          }}
        />
      }
    >
      <DirectoryTable
        items={items}
        columns={[
          { header: t('ui.login.login'), cell: (account) => account.login },
          { header: t('ui.directories.person'), cell: (account) => account.fullName },
          { header: t('ui.directories.role'), cell: (account) => t(`ui.roles.${account.role}`) },
          { header: t('ui.directories.office'), cell: (account) => offices.find((office) => office.id === account.officeId)?.code ?? '' },
          { header: t('ui.directories.active'), cell: (account) => (account.active ? t('ui.common.yes') : t('ui.common.no')) },
          {
            header: '',
            cell: (account) => (
              <Group gap="xs" wrap="nowrap">
                <EditButton name={account.fullName} onClick={() => setEditing(account)} />
                <Button size="compact-md" variant="default" onClick={() => setResetting(account)} aria-label={t('deskHead.resetPasswordOf', { name: account.fullName })}>
                  {t('deskHead.resetPassword')}
                </Button>
              </Group>
            ),
          },
        ]}
      />
      {editing && (
        <RecordDialog
          title={t('deskHead.editUser', { name: editing.fullName })}
          explanation={t('deskHead.userSessionsEnd')}
          schema={deskContract['users.update'].input}
          defaults={{ id: editing.id, fullName: editing.fullName, role: editing.role, officeId: editing.officeId, active: editing.active }}
          fields={[
            { name: 'fullName', label: t('ui.directories.person'), kind: 'text', required: true },
            { name: 'role', label: t('ui.directories.role'), kind: 'select', required: true, options: roles.map((role) => ({ value: role, label: t(`ui.roles.${role}`) })) },
            { name: 'officeId', label: t('ui.directories.office'), kind: 'select', required: true, options: offices.map((office) => ({ value: office.id, label: `${office.code} — ${office.name}` })) },
            { name: 'active', label: t('deskHead.userActive'), kind: 'checkbox' },
          ]}
          submitLabel={t('ui.common.save')}
          onClose={() => setEditing(null)}
          onSubmit={async (values) => {
            await desk.call('users.update', values);
            setEditing(null);
            await reload();
          }}
        />
      )}
      {resetting && (
        <RecordDialog
          title={t('deskHead.resetPasswordOf', { name: resetting.fullName })}
          explanation={t('deskHead.resetPasswordHint')}
          schema={deskContract['users.resetPassword'].input}
          defaults={{ id: resetting.id, password: '' }}
          fields={[{ name: 'password', label: t('deskHead.newPassword'), kind: 'password', required: true, description: t('ui.setup.passwordHint') }]}
          submitLabel={t('deskHead.resetPassword')}
          onClose={() => setResetting(null)}
          onSubmit={async (values) => {
            await desk.call('users.resetPassword', values);
            setResetting(null);
            await reload();
          }}
        />
      )}
    </DirectoryTab>
  );
}

/** «Змінити» on a row, named after the row for a screen reader. */
function EditButton({ name, onClick }: { name: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button size="compact-md" variant="light" onClick={onClick} aria-label={t('deskHead.editOf', { name })}>
      {t('deskHead.edit')}
    </Button>
  );
}

const endDateSchema = z.object({ validTo: isoDateSchema }).strict();

/**
 * R7.10/R7.13: a signatory's powers end on a day of their own, asked and confirmed for this person
 * only; the signatory is saved again with that last day (main keeps the previous version).
 */
function EndSignatoryDialog({ signatory, onClose, onEnded }: { signatory: Signatory; onClose: () => void; onEnded: () => Promise<void> }) {
  const { t } = useTranslation();
  return (
    <RecordDialog
      title={t('deskHead.endSignatoryOf', { name: signatory.fullName })}
      explanation={t('deskHead.endSignatoryHint', { name: signatory.fullName, from: formatDate(signatory.validFrom) })}
      schema={endDateSchema}
      defaults={{ validTo: kyivToday() }}
      fields={[{ name: 'validTo', label: t('ui.directories.closeOn'), kind: 'date', required: true }]}
      submitLabel={t('deskHead.confirmEnd')}
      onClose={onClose}
      onSubmit={async ({ validTo }) => {
        await desk.call('directories.signatories.save', { ...signatory, validTo });
        onClose();
        await onEnded();
      }}
    />
  );
}
