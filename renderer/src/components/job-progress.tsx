import { useEffect, useId, useRef, useState } from 'react';
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JobKind, JobResultOf, JobStatus, JobStatusOf } from '../../../shared/contract/channels/jobs.js';
import { DeskError } from '../../../shared/contract/errors.js';
import { desk } from '../desk/client.js';
import { formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/index.js';
import { asDeskError } from '../stores/session-store.js';
import { ErrorAlert } from './error-alert.js';

/** Often enough to look live, rare enough to leave the main process to the work. */
const POLL_MS = 250;

export type JobEnd = 'done' | 'cancelled' | 'failed';

export interface JobProgressProps<K extends JobKind> {
  readonly kind: K;
  /** Starts the job (one of the channels that answer `{ jobId }`); called once, when the component mounts. */
  readonly start: () => Promise<{ jobId: string }>;
  /** The job's result, once it is done. */
  readonly onResult: (result: JobResultOf<K>) => void;
  /** The job ended (after `onResult` when done); the caller may hide the progress. */
  readonly onEnd?: (end: JobEnd, error: DeskError | null) => void;
  /** Names the operation above the bar; off inside a dialog whose title already does. */
  readonly withTitle?: boolean;
}

function percentOf(status: JobStatus): number | null {
  if (status.total === null || status.total === 0) return null;
  return Math.min(100, Math.round((status.done / status.total) * 100));
}

/**
 * Starts a long operation and follows it: the stage in words, a progress bar (moving stripes
 * while the amount of work is unknown), and a Cancel button — disabled, with the reason, in a
 * stage that cannot be stopped. The status text is announced through an aria-live region.
 */
export function JobProgress<K extends JobKind>({ kind, start, onResult, onEnd, withTitle = true }: JobProgressProps<K>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [status, setStatus] = useState<JobStatusOf<K> | null>(null);
  const [failure, setFailure] = useState<DeskError | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const jobIdRef = useRef<string | null>(null);
  const reasonId = useId();
  // The callbacks of the latest render, so a caller's new closures never restart the job.
  const handlers = useRef({ start, onResult, onEnd });
  useEffect(() => {
    handlers.current = { start, onResult, onEnd };
  });

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const finish = (final: JobStatusOf<K>) => {
      setStatus(final);
      if (final.state === 'done' && final.result !== undefined) handlers.current.onResult(final.result as JobResultOf<K>);
      const error = final.state === 'failed' && final.error ? DeskError.fromShape(final.error) : null;
      setFailure(error);
      handlers.current.onEnd?.(final.state === 'running' ? 'failed' : final.state, error);
    };

    // A cancel that answered the final status ends the following (it clears the id).
    const followed = (jobId: string) => !stopped && jobIdRef.current === jobId;
    const poll = async (jobId: string) => {
      if (!followed(jobId)) return;
      try {
        const next = (await desk.call('jobs.status', { jobId })) as JobStatusOf<K>;
        if (!followed(jobId)) return;
        if (next.state === 'running') {
          setStatus(next);
          timer = setTimeout(() => void poll(jobId), POLL_MS);
        } else finish(next);
      } catch (caught) {
        if (!followed(jobId)) return;
        const error = asDeskError(caught);
        setFailure(error);
        handlers.current.onEnd?.('failed', error);
      }
    };

    handlers.current
      .start()
      .then(({ jobId }) => {
        jobIdRef.current = jobId;
        return poll(jobId);
      })
      .catch((caught: unknown) => {
        if (stopped) return;
        const error = asDeskError(caught);
        setFailure(error);
        handlers.current.onEnd?.('failed', error);
      });
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, []);

  const running = status === null || status.state === 'running';
  const percent = status ? percentOf(status) : null;
  const stageText = status
    ? t(`ui.jobs.stage.${kind}.${status.stage}`, { done: formatNumber(status.done, language), total: formatNumber(status.total ?? 0, language) })
    : t('ui.jobs.starting');
  const endText = status && !running ? t(`ui.jobs.${status.state}`) : null;
  const cannotStop = status !== null && running && !status.cancellable && !cancelling;

  const cancel = async () => {
    const jobId = jobIdRef.current;
    if (!jobId || cannotStop) return;
    setCancelling(true);
    try {
      const final = (await desk.call('jobs.cancel', { jobId })) as JobStatusOf<K>;
      // The cancel answered the final status: the poll stops following the job.
      jobIdRef.current = null;
      setStatus(final);
      setFailure(null);
      handlers.current.onEnd?.(final.state === 'running' ? 'failed' : final.state, null);
    } catch (caught) {
      setFailure(asDeskError(caught));
    } finally {
      setCancelling(false);
    }
  };

  return (
    <Stack gap="xs">
      {withTitle && <Text fw={600}>{t(`ui.jobs.title.${kind}`)}</Text>}
      <Progress.Root
        size="xl"
        role="progressbar"
        aria-label={t('ui.jobs.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(percent !== null ? { 'aria-valuenow': percent } : {})}
        aria-valuetext={percent !== null ? `${stageText} ${t('ui.jobs.percent', { percent })}` : stageText}
      >
        <Progress.Section
          value={running ? (percent ?? 100) : 100}
          striped={running && percent === null}
          animated={running && percent === null}
          color={status?.state === 'failed' ? 'red' : status?.state === 'cancelled' ? 'gray' : undefined}
          withAria={false}
        />
      </Progress.Root>
      <Text aria-live="polite" role="status">
        {endText ?? stageText}
        {running && percent !== null ? ` — ${t('ui.jobs.percent', { percent })}` : ''}
      </Text>
      {running && (
        <Group justify="flex-end">
          {/* Disabled by look and by aria only, so the button stays focusable and its reason is read out. */}
          <Button
            variant="default"
            color="red"
            onClick={() => void cancel()}
            loading={cancelling}
            data-disabled={cannotStop || undefined}
            aria-disabled={cannotStop}
            aria-describedby={cannotStop ? reasonId : undefined}
          >
            {cancelling ? t('ui.jobs.cancelling') : t('ui.jobs.cancel')}
          </Button>
        </Group>
      )}
      {cannotStop && (
        <Text id={reasonId} size="sm" c="dimmed">
          {t('ui.jobs.cannotStop')}
        </Text>
      )}
      <ErrorAlert error={failure} />
    </Stack>
  );
}
