import { useEffect, useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addPostInputSchema, bodyInputSchema, closePostInputSchema, type BodyDetails, type BodyPostRecord } from '../../../../shared/domain/directories.js';
import type { DeskError } from '../../../../shared/contract/errors.js';
import { desk } from '../../desk/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { fullNameOf } from '../../components/entry-text.js';
import { RecordForm } from '../../components/form/record-form.js';
import { formatDate, kyivToday } from '../../i18n/format.js';
import { useSessionStore } from '../../stores/index.js';
import { asDeskError } from '../../stores/session-store.js';
import { AddRecordPanel, DirectoryTab, DirectoryTable } from './directory-list.js';
import { RecordDialog } from './record-dialog.js';
import { useList } from './use-list.js';

/** Committees and ОСББ with who held their posts when (R7.5, R7.8): a new head is a new period. */
export function BodiesTab() {
  const { t } = useTranslation();
  const isHead = useSessionStore((state) => state.user?.role === 'head');
  const { items, error, reload } = useList(() => desk.call('directories.bodies.list', { includeInactive: true }));
  const [selected, setSelected] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  return (
    <DirectoryTab error={error}>
      <DirectoryTable
        items={items}
        highlightOnHover
        columns={[
          { header: t('ui.directories.bodyName'), cell: (body) => (body.number ? `№ ${body.number} ${body.name}` : body.name) },
          { header: t('ui.directories.bodyType'), cell: (body) => t(`ui.directories.bodyTypes.${body.type}`) },
          { header: t('ui.directories.head'), cell: (body) => (body.head ? fullNameOf(body.head.name) : t('ui.certify.vacant')) },
          { header: t('ui.directories.deputy'), cell: (body) => (body.deputy ? fullNameOf(body.deputy.name) : t('ui.certify.vacant')) },
          { header: t('ui.directories.seal'), cell: (body) => (body.hasSeal ? t('ui.common.yes') : t('ui.common.no')) },
          {
            header: '',
            cell: (body) => (
              <Button size="compact-md" variant="light" onClick={() => setSelected(body.id)} aria-label={t('ui.directories.postsOf', { name: body.name })}>
                {t('ui.directories.posts')}
              </Button>
            ),
          },
        ]}
      />
      {isHead && !adding && (
        <Group>
          <Button onClick={() => setAdding(true)}>{t('ui.directories.addBody')}</Button>
        </Group>
      )}
      {isHead && adding && (
        <AddRecordPanel
          title={t('ui.directories.addBody')}
          schema={bodyInputSchema}
          defaults={{ type: 'committee', committeeKind: 'quarter', number: '', name: '', territory: '', legalEntity: false, hasSeal: false, sealName: '' }}
          fields={[
            { name: 'type', label: t('ui.directories.bodyType'), kind: 'select', required: true, options: [{ value: 'committee', label: t('ui.directories.bodyTypes.committee') }, { value: 'osbb', label: t('ui.directories.bodyTypes.osbb') }] },
            { name: 'committeeKind', label: t('ui.directories.committeeKind'), kind: 'select', options: [{ value: 'quarter', label: t('ui.directories.committeeKinds.quarter') }, { value: 'house', label: t('ui.directories.committeeKinds.house') }] },
            { name: 'number', label: t('ui.directories.bodyNumber'), kind: 'text' },
            { name: 'name', label: t('ui.directories.bodyName'), kind: 'text', required: true },
            { name: 'territory', label: t('ui.directories.territory'), kind: 'text', keepBlank: true },
            { name: 'sealName', label: t('ui.directories.sealName'), kind: 'text' },
            { name: 'legalEntity', label: t('ui.directories.legalEntity'), kind: 'checkbox' },
            { name: 'hasSeal', label: t('ui.directories.hasSeal'), kind: 'checkbox' },
          ]}
          submitLabel={t('ui.common.save')}
          onSubmit={async (values) => {
            // An ОСББ has no committee kind (the schema refuses one).
            await desk.call('directories.bodies.save', values.type === 'osbb' ? { ...values, committeeKind: undefined } : values);
            setAdding(false);
            await reload();
          }}
        />
      )}
      {selected && <BodyPosts bodyId={selected} onChanged={() => void reload()} onClose={() => setSelected(null)} />}
    </DirectoryTab>
  );
}

function BodyPosts({ bodyId, onChanged, onClose }: { bodyId: string; onChanged: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const isHead = useSessionStore((state) => state.user?.role === 'head');
  const [details, setDetails] = useState<BodyDetails | null>(null);
  const [failure, setFailure] = useState<DeskError | null>(null);
  const [ending, setEnding] = useState<BodyPostRecord | null>(null);
  const load = () => desk.call('directories.bodies.get', { id: bodyId }).then(setDetails, (caught: unknown) => setFailure(asDeskError(caught)));
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload when another body is chosen
  }, [bodyId]);

  if (!details) return <ErrorAlert error={failure} />;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('ui.directories.postsOf', { name: details.body.name })}
          </Title>
          <Button variant="subtle" onClick={onClose}>
            {t('ui.common.close')}
          </Button>
        </Group>
        <DirectoryTable
          items={details.posts}
          striped={false}
          columns={[
            { header: t('ui.directories.role'), cell: (post) => t(`ui.certify.role${post.role === 'head' ? 'Head' : 'Deputy'}`) },
            { header: t('ui.directories.person'), cell: (post) => fullNameOf(post.name) },
            { header: t('ui.common.from'), cell: (post) => formatDate(post.from) },
            { header: t('ui.common.to'), cell: (post) => (post.to ? formatDate(post.to) : <Badge variant="light">{t('ui.directories.current')}</Badge>) },
            {
              header: '',
              cell: (post) =>
                isHead &&
                !post.to && (
                  <Button size="compact-md" variant="default" onClick={() => setEnding(post)} aria-label={t('deskHead.endPostOf', { name: fullNameOf(post.name) })}>
                    {t('ui.directories.closePost')}
                  </Button>
                ),
            },
          ]}
        />
        {isHead && (
          <>
            <Text fw={600}>{t('ui.directories.addPost')}</Text>
            <RecordForm
              schema={addPostInputSchema}
              columns={3}
              defaults={{ bodyId, role: 'head', name: { familyName: '', givenName: '', patronymic: '' }, from: kyivToday() }}
              fields={[
                { name: 'role', label: t('ui.directories.role'), kind: 'select', required: true, options: [{ value: 'head', label: t('ui.certify.roleHead') }, { value: 'deputy', label: t('ui.certify.roleDeputy') }] },
                { name: 'from', label: t('ui.common.from'), kind: 'date', required: true },
                { name: 'name.familyName', label: t('ui.person.familyName'), kind: 'text', required: true },
                { name: 'name.givenName', label: t('ui.person.givenName'), kind: 'text', required: true },
                { name: 'name.patronymic', label: t('ui.person.patronymic'), kind: 'text' },
              ]}
              submitLabel={t('ui.common.add')}
              onSubmit={async (values) => {
                await desk.call('directories.bodies.addPost', values);
                await load();
                onChanged();
              }}
            />
          </>
        )}
        <ErrorAlert error={failure} />
      </Stack>
      {ending && (
        // R7.5: each post ends on its own last day, asked and confirmed for that person only.
        <RecordDialog
          title={t('deskHead.endPostOf', { name: fullNameOf(ending.name) })}
          explanation={t('deskHead.endPostHint', { name: fullNameOf(ending.name), from: formatDate(ending.from) })}
          schema={closePostInputSchema}
          defaults={{ postId: ending.id, to: kyivToday() }}
          fields={[{ name: 'to', label: t('ui.directories.closeOn'), kind: 'date', required: true }]}
          submitLabel={t('deskHead.confirmEnd')}
          onClose={() => setEnding(null)}
          onSubmit={async (values) => {
            await desk.call('directories.bodies.closePost', values);
            setEnding(null);
            await load();
            onChanged();
          }}
        />
      )}
    </Paper>
  );
}
