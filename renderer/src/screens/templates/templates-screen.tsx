import { useEffect, useState } from 'react';
import { Alert, Button, Grid, Group, NavLink, Paper, ScrollArea, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../../shared/contract/errors.js';
import type { DeskOutput } from '../../desk/contract.js';
import { desk } from '../../desk/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useKindTitle } from '../../components/entry-summary.js';
import { formatDateTime } from '../../i18n/format.js';
import { useSessionStore } from '../../stores/index.js';
import { asDeskError } from '../../stores/session-store.js';
import { useReferenceStore } from '../../stores/reference-store.js';
import { useList } from '../directories/use-list.js';
import { NewKindForm } from './new-kind-form.js';
import { TemplatePreview } from './template-preview.js';
import { KindDecisionsCard } from './kind-decisions-card.js';
import { CERTIFICATION_TEMPLATE, REFUSAL_TEMPLATE } from '../../../../shared/rules/templates.js';

type Template = DeskOutput<'templates.get'>;

/** R7.3: every kind's template is versioned; a printed document records the version that printed it. */
export function TemplatesScreen() {
  const { t } = useTranslation();
  const kindTitle = useKindTitle();
  const isHead = useSessionStore((state) => state.user?.role === 'head');
  const { items, error, reload } = useList(() => desk.call('templates.list', {}));
  const custom = useList(() => desk.call('kinds.listCustom', {}));
  const [kindId, setKindId] = useState<string | null>(null);
  const [template, setTemplate] = useState<Template | null>(null);
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<DeskError | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    if (!kindId) return;
    desk.call('templates.get', { kindId }).then(
      (loaded) => {
        setTemplate(loaded);
        setText(loaded.text);
      },
      (caught: unknown) => setFailure(asDeskError(caught)),
    );
  }, [kindId]);

  // The refusal notice and the certification inscription have templates of their own (R7.3).
  const specialTitles: Record<string, string> = {
    [REFUSAL_TEMPLATE]: t('ui.templates.refusalTemplate'),
    [CERTIFICATION_TEMPLATE]: t('ui.templates.inscriptionTemplate'),
  };
  const titleOf = (id: string) => specialTitles[id] ?? custom.items.find((kind) => kind.id === id)?.title ?? kindTitle(id);

  const save = async () => {
    if (!kindId) return;
    setBusy(true);
    setFailure(null);
    try {
      const next = await desk.call('templates.save', { kindId, text });
      setTemplate(next);
      setSaved(next.version);
      await reload();
    } catch (caught) {
      setFailure(asDeskError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('ui.templates.title')}
        </Title>
        {isHead && (
          <Button variant="light" onClick={() => setAdding(!adding)}>
            {t('ui.templates.newKind')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={error} />
      {adding && (
        <NewKindForm
          onDone={async (addedKindId) => {
            setAdding(false);
            // The reference store names kinds on every screen (journal, reports): it learns the new one now.
            await Promise.all([reload(), custom.reload(), useReferenceStore.getState().loadCustomKinds()]);
            // The new kind opens with its template, so the head sees at once what was added.
            setSaved(null);
            setKindId(addedKindId);
          }}
        />
      )}
      <Grid>
        <Grid.Col span={4}>
          <Paper withBorder>
            <ScrollArea h="calc(100vh - 220px)">
              {items.map((item) => (
                <NavLink
                  key={item.kindId}
                  component="button"
                  active={item.kindId === kindId}
                  label={titleOf(item.kindId)}
                  description={t('ui.templates.version', { version: item.version, versions: item.versions })}
                  onClick={() => {
                    setSaved(null);
                    setKindId(item.kindId);
                  }}
                />
              ))}
            </ScrollArea>
          </Paper>
        </Grid.Col>
        <Grid.Col span={8}>
          {template ? (
            <Stack>
              <Title order={2} size="h4">
                {titleOf(template.kindId)}
              </Title>
              <Text size="sm" c="dimmed">
                {t('ui.templates.versionInfo', { version: template.version, name: template.createdByName, at: formatDateTime(template.createdAt) })}
              </Text>
              {!(template.kindId in specialTitles) && <KindDecisionsCard kindId={template.kindId} isHead={isHead} />}
              <Textarea
                label={t('ui.templates.text')}
                description={t('ui.templates.textHint')}
                value={text}
                onChange={(event) => setText(event.currentTarget.value)}
                autosize
                minRows={14}
                maxRows={28}
                readOnly={!isHead}
                styles={{ input: { fontFamily: 'monospace', fontSize: 15 } }}
              />
              <TemplatePreview kindId={template.kindId} text={text} customKinds={custom.items} />
              <ErrorAlert error={failure} />
              {saved !== null && (
                <Alert color="green" role="status">
                  {t('ui.templates.saved', { version: saved })}
                </Alert>
              )}
              {isHead && (
                <Group>
                  <Button onClick={() => void save()} loading={busy} disabled={text === template.text}>
                    {t('ui.templates.saveVersion')}
                  </Button>
                  <Button variant="default" onClick={() => setText(template.text)} disabled={text === template.text}>
                    {t('ui.common.cancel')}
                  </Button>
                </Group>
              )}
            </Stack>
          ) : (
            <Text c="dimmed">{t('ui.templates.choose')}</Text>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
