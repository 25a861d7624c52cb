import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../../shared/contract/errors.js';
import { kindDecisionActions, kindStandingOn, type KindDecision, type KindDecisionAction } from '../../../../shared/domain/kind-decisions.js';
import { catalogue } from '../../../../shared/rules/catalogue.js';
import { desk } from '../../desk/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useKindTitle } from '../../components/entry-summary.js';
import { DeskDateInput } from '../../components/form/date-input.js';
import { formatDate, formatDateTime, kyivToday } from '../../i18n/format.js';
import { asDeskError } from '../../stores/session-store.js';
import { useReferenceStore } from '../../stores/reference-store.js';

/** The kind's standing today: issued, or stopped by a decision in force. */
export function KindStanding({ kindId }: { kindId: string }) {
  const { t } = useTranslation();
  const kindTitle = useKindTitle();
  const decisions = useReferenceStore((state) => state.kindDecisions);
  const standing = kindStandingOn(decisions, kindId, kyivToday());
  if (standing.state === 'active') return <Badge color="green" variant="light">{t('ui.kindDecisions.standingActive')}</Badge>;
  // A stopped kind's standing names its successor, too long for a badge: a line that wraps.
  return (
    <Text size="sm" fw={600} c="red.8">
      {t(`ui.kindDecisions.standing_${standing.state}`, { date: formatDate(standing.decision.effectiveDate), successor: standing.successorKindId ? kindTitle(standing.successorKindId) : '' })}
    </Text>
  );
}

/** One decision as the card prints it: what, when, its point, and what revoked it. */
function DecisionLine({ decision, all }: { decision: KindDecision; all: readonly KindDecision[] }) {
  const { t } = useTranslation();
  const kindTitle = useKindTitle();
  const revokes = all.find((other) => other.id === decision.revokesDecisionId);
  const revokedBy = all.find((other) => other.revokesDecisionId === decision.id);
  return (
    <Paper withBorder p="xs" component="li" style={{ listStyle: 'none' }}>
      <Text size="sm" fw={600}>
        {t('ui.kindDecisions.line', { number: decision.number, date: formatDate(decision.date), effective: formatDate(decision.effectiveDate), action: t(`ui.kindDecisions.action_${decision.action}`) })}
      </Text>
      {decision.successorKindId && <Text size="sm">{t('ui.kindDecisions.successorLine', { successor: kindTitle(decision.successorKindId) })}</Text>}
      {revokes && <Text size="sm">{t('ui.kindDecisions.revokesLine', { number: revokes.number, date: formatDate(revokes.date) })}</Text>}
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{decision.point}</Text>
      {revokedBy && (
        <Text size="sm" c="red.8">
          {t('ui.kindDecisions.revokedBy', { number: revokedBy.number, date: formatDate(revokedBy.date), effective: formatDate(revokedBy.effectiveDate) })}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {t('ui.kindDecisions.recorded', { name: decision.recordedByName, at: formatDateTime(decision.recordedAt) })}
      </Text>
    </Paper>
  );
}

interface DraftDecision {
  action: KindDecisionAction;
  successorKindId: string | null;
  revokesDecisionId: string | null;
  number: string;
  date: string;
  effectiveDate: string;
  point: string;
}

const EMPTY: DraftDecision = { action: 'retire', successorKindId: null, revokesDecisionId: null, number: '', date: '', effectiveDate: '', point: '' };

/** The head's form for a new decision on this kind (append-only: a mistake is revoked by a later decision). */
function RecordDecisionForm({ kindId, decisions, onRecorded }: { kindId: string; decisions: readonly KindDecision[]; onRecorded: (decision: KindDecision) => void }) {
  const { t } = useTranslation();
  const kindTitle = useKindTitle();
  const customKinds = useReferenceStore((state) => state.customKinds);
  const [draft, setDraft] = useState<DraftDecision>(EMPTY);
  const [failure, setFailure] = useState<DeskError | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (patch: Partial<DraftDecision>) => setDraft((current) => ({ ...current, ...patch }));
  const successors = [...catalogue.map((kind) => kind.id), ...customKinds.map((kind) => kind.id)].filter((id) => id !== kindId);
  const revocable = decisions.filter((decision) => decision.action !== 'revoke' && !decisions.some((other) => other.revokesDecisionId === decision.id));

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const recorded = await desk.call('kinds.decisions.record', {
        kindId,
        action: draft.action,
        ...(draft.action === 'replace' && draft.successorKindId ? { successorKindId: draft.successorKindId } : {}),
        ...(draft.action === 'revoke' && draft.revokesDecisionId ? { revokesDecisionId: draft.revokesDecisionId } : {}),
        number: draft.number,
        date: draft.date,
        effectiveDate: draft.effectiveDate,
        point: draft.point,
      });
      setDraft(EMPTY);
      onRecorded(recorded);
    } catch (caught) {
      setFailure(asDeskError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs">
      <Group grow align="flex-start">
        <Select
          label={t('ui.kindDecisions.action')}
          data={kindDecisionActions.map((action) => ({ value: action, label: t(`ui.kindDecisions.action_${action}`) }))}
          value={draft.action}
          onChange={(value) => change({ action: (value ?? 'retire') as KindDecisionAction })}
          allowDeselect={false}
        />
        {draft.action === 'replace' && (
          <Select label={t('ui.kindDecisions.successor')} data={successors.map((id) => ({ value: id, label: kindTitle(id) }))} value={draft.successorKindId} onChange={(value) => change({ successorKindId: value })} searchable />
        )}
        {draft.action === 'revoke' && (
          <Select
            label={t('ui.kindDecisions.revokes')}
            data={revocable.map((decision) => ({ value: decision.id, label: `№ ${decision.number} (${formatDate(decision.date)})` }))}
            value={draft.revokesDecisionId}
            onChange={(value) => change({ revokesDecisionId: value })}
          />
        )}
      </Group>
      <Group grow align="flex-start">
        <TextInput label={t('ui.kindDecisions.number')} value={draft.number} onChange={(event) => change({ number: event.currentTarget.value })} />
        <DeskDateInput label={t('ui.kindDecisions.date')} value={draft.date} onChange={(date) => change({ date })} />
        <DeskDateInput label={t('ui.kindDecisions.effectiveDate')} value={draft.effectiveDate} onChange={(effectiveDate) => change({ effectiveDate })} />
      </Group>
      <Textarea label={t('ui.kindDecisions.point')} value={draft.point} onChange={(event) => change({ point: event.currentTarget.value })} autosize minRows={2} maxRows={6} />
      <ErrorAlert error={failure} />
      <Group>
        <Button onClick={() => void submit()} loading={busy} disabled={!draft.number.trim() || !draft.date || !draft.effectiveDate || draft.point.trim().length < 5}>
          {t('ui.kindDecisions.record')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The kind's card (section F): where it stands today, and the history of the council's decisions
 * on it as recorded — none is ever edited; a later decision revokes an earlier one.
 */
export function KindDecisionsCard({ kindId, isHead }: { kindId: string; isHead: boolean }) {
  const { t } = useTranslation();
  const all = useReferenceStore((state) => state.kindDecisions);
  const [recorded, setRecorded] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const decisions = all.filter((decision) => decision.kindId === kindId);
  return (
    <Paper withBorder p="sm" component="section" aria-label={t('ui.kindDecisions.title')}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('ui.kindDecisions.title')}
        </Title>
        <KindStanding kindId={kindId} />
        {decisions.length === 0 ? (
          <Text size="sm" c="dimmed">{t('ui.kindDecisions.none')}</Text>
        ) : (
          <Stack gap={4} component="ol" p={0} m={0}>
            {decisions.map((decision) => (
              <DecisionLine key={decision.id} decision={decision} all={all} />
            ))}
          </Stack>
        )}
        {recorded && (
          <Alert color="green" role="status">
            {t('ui.kindDecisions.recordedOk', { number: recorded })}
          </Alert>
        )}
        {isHead && !adding && (
          <Group>
            <Button variant="light" size="xs" onClick={() => setAdding(true)}>
              {t('ui.kindDecisions.record')}
            </Button>
          </Group>
        )}
        {isHead && adding && (
          <RecordDecisionForm
            kindId={kindId}
            decisions={decisions}
            onRecorded={(decision) => {
              setRecorded(decision.number);
              setAdding(false);
              void useReferenceStore.getState().loadKindDecisions();
            }}
          />
        )}
      </Stack>
    </Paper>
  );
}
