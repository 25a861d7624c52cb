import { useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PresentedDocument } from '../../../../shared/domain/documents.js';
import type { DeclinedName } from '../../../../shared/domain/person.js';
import { presentedDocumentInputSchema } from '../../../../shared/domain/validation/documents.js';
import { kinshipMismatch, type KinshipMismatch } from '../../../../shared/rules/kinship.js';
import { proposedRefusalGrounds } from '../../../../shared/rules/refusal.js';
import type { ChosenRefusalGround } from '../../../../shared/rules/refusal-grounds.js';
import type { Verdict } from '../../../../shared/rules/requirements.js';
import type { DeskError } from '../../../../shared/contract/errors.js';
import { desk } from '../../desk/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formLacksError, incompleteFormError, RefusalDialog } from '../../components/refusal-dialog.js';
import { useItemLabel } from '../../components/checklist-view.js';
import { asDeskError } from '../../stores/session-store.js';
import { useReferenceStore } from '../../stores/reference-store.js';
import { useIssueStore } from './issue-store.js';
import { buildIssueInput, buildRefusalInput } from './issue-input.js';
import { KinshipConfirm } from './kinship-confirm.js';
import type { IssueFormOutput, IssueFormValues } from './issue-form.js';

interface Props {
  verdict: Verdict;
  /** Every reason main's gate would refuse the case as typed (`judgeIssue`). */
  obstacles: readonly DeskError[];
  signatoryIsCurrent: (id: string) => boolean;
  documents: PresentedDocument[];
  declined: DeclinedName | null;
  deceasedDeclined: DeclinedName | null;
}

/**
 * «Видати» stays disabled until the live verdict allows it, and says exactly what is missing
 * (R7.4); «Відмовити» asks for the grounds and records the refusal with its notice (R7.4, R7.16).
 */
/** Obstacles the form shows in its own words, or leaves to another line: the checklist lists its items, a kinship document is asked about on «Видати». */
const SHOWN_ELSEWHERE = new Set(['errors.rules.checklistIncomplete', 'errors.issuing.kinshipDocumentMismatch']);

export function IssueActions({ verdict, obstacles, signatoryIsCurrent, documents, declined, deceasedDeclined }: Props) {
  const { t } = useTranslation();
  const itemLabel = useItemLabel();
  const { handleSubmit, getValues } = useFormContext<IssueFormValues, unknown, IssueFormOutput>();
  const journalId = useReferenceStore((state) => state.journalId);
  const setResult = useIssueStore((state) => state.setResult);
  const reissueOf = useIssueStore((state) => state.reissueOf);
  const submissionKey = useIssueStore((state) => state.submissionKey);
  const carried = useIssueStore((state) => state.carried);
  const [failure, setFailure] = useState<DeskError | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusing, setRefusing] = useState(false);

  const kinds = getValues('kinds');
  const signatoryId = getValues('signatoryId');
  const obstacleReason = (obstacle: DeskError) =>
    obstacle.messageKey === 'errors.issuing.declensionNeedsReview' ? t('ui.issue.needGender') : t(obstacle.messageKey, { ...obstacle.params });
  const badDocuments = documents.filter((doc) => !presentedDocumentInputSchema.safeParse(doc).success);
  const reasons = [
    ...(kinds.length === 0 ? [t('ui.issue.reasonKind')] : []),
    ...verdict.missing.map(itemLabel),
    ...(badDocuments.length > 0 ? [t('ui.issue.fixDocumentNumbers')] : []),
    ...(!declined ? [t('ui.issue.needDeclension')] : []),
    ...obstacles.filter((obstacle) => !SHOWN_ELSEWHERE.has(obstacle.messageKey)).map(obstacleReason),
    ...(carried && !carried.confirmed ? [t('ui.carried.reason', { number: carried.from.printedNumber })] : []),
    ...(signatoryId && !signatoryIsCurrent(signatoryId) ? [t('ui.issue.signatoryNotCurrent')] : []),
    ...(!journalId ? [t('ui.issue.needJournal')] : []),
  ];
  const canIssue = reasons.length === 0;

  const run = async (action: () => Promise<void>) => {
    setFailure(null);
    setBusy(true);
    try {
      await action();
    } catch (caught) {
      setFailure(asDeskError(caught));
    } finally {
      setBusy(false);
    }
  };

  const issueWith = (kinshipMismatchConfirmed: boolean) =>
    handleSubmit((values) =>
      run(async () => {
        if (!declined || !journalId) return;
        const input = buildIssueInput(journalId, values, documents, declined, deceasedDeclined, { submissionKey, replacesEntryId: reissueOf?.entryId, kinshipMismatchConfirmed });
        const { entry } = await desk.call('entries.issueCertificate', input);
        setResult(entry);
      }),
    )();
  // R7.1.4: a kinship document that does not prove the kinship asks before issuing.
  const [kinshipAsk, setKinshipAsk] = useState<KinshipMismatch | null>(null);
  const issue = () => {
    const mismatch = kinshipMismatch({ kinds, deceased: getValues('deceased'), documents });
    if (mismatch) setKinshipAsk(mismatch);
    else void issueWith(false);
  };

  const refuse = (grounds: ChosenRefusalGround[]) =>
    handleSubmit(
      (values) =>
        run(async () => {
          if (!declined || !journalId) {
            setFailure(formLacksError([...(!declined ? ['ui.issue.needDeclension'] : []), ...(!journalId ? ['ui.issue.needJournal'] : [])]));
            return;
          }
          const { entry } = await desk.call('entries.refuse', buildRefusalInput(journalId, values, documents, declined, grounds, submissionKey));
          setRefusing(false);
          setResult(entry);
        }),
      (errors) => setFailure(incompleteFormError(errors)),
    )();

  return (
    <Stack gap="sm" mt="sm">
      {canIssue ? (
        <Alert color="green" variant="light" role="status">
          {t('ui.issue.canIssue')}
        </Alert>
      ) : (
        <Alert color="orange" variant="light" role="status" title={t('ui.issue.cannotIssue')}>
          <Text size="sm">{t('ui.issue.missing', { list: reasons.join('; ') })}</Text>
        </Alert>
      )}
      <ErrorAlert error={failure} />
      <KinshipConfirm
        mismatch={kinshipAsk}
        onCancel={() => setKinshipAsk(null)}
        onConfirm={() => {
          setKinshipAsk(null);
          void issueWith(true);
        }}
      />
      <Group grow>
        <Button size="lg" disabled={!canIssue} loading={busy && !refusing} onClick={issue}>
          {t('ui.issue.issue')}
        </Button>
        <Button
          size="lg"
          variant="outline"
          color="red.9"
          disabled={busy || kinds.length === 0}
          onClick={() => {
            setFailure(null);
            setRefusing(true);
          }}
        >
          {t('ui.issue.refuse')}
        </Button>
      </Group>
      <RefusalDialog
        opened={refusing}
        path="certificate"
        proposed={proposedRefusalGrounds(verdict, 'certificate')}
        failure={failure}
        busy={busy}
        onClose={() => setRefusing(false)}
        onConfirm={(grounds) => void refuse(grounds)}
      />
    </Stack>
  );
}
