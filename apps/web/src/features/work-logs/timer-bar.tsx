import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert, Spinner } from '../../ui';
import type { WorkLog } from './work-log-endpoints';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFormat } from '../../lib/i18n/use-format';
import { useStopTimer, useTimer } from './time-queries';
import { useNow } from './use-now';

// The form (and its validation code) loads when someone starts a timer, not with the first page.
const StartTimerForm = lazy(async () => ({ default: (await import('./start-timer-form')).StartTimerForm }));

/** Under a minute a timer shows as 0:00 h: stopping it then discards it, unless its author keeps it. */
const SHORT_TIMER_SECONDS = 60;

function RunningTimer({ timer, onDiscarded }: { timer: WorkLog; onDiscarded: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessages = useErrorMessages();
  const stop = useStopTimer();
  const now = useNow(true);
  const [asking, setAsking] = useState(false);
  const elapsed = (now - new Date(timer.startedAt).getTime()) / 1000;
  const run = (keepShort: boolean) => {
    if (stop.isPending) return;
    // The promise, not mutate's onSuccess: this component unmounts as soon as the timer is gone.
    stop.mutateAsync(keepShort).then(
      (stopped) => (stopped.discarded ? onDiscarded() : undefined),
      () => undefined,
    );
  };
  if (asking) {
    return (
      <div className="timer-bar-inner" role="group" aria-label={t('timer.shortTitle')}>
        <p className="timer-short">{t('timer.shortQuestion')}</p>
        <div className="form-actions">
          <Button variant="primary" pending={stop.isPending} onClick={() => run(false)}>
            {t('timer.discard')}
          </Button>
          <Button pending={stop.isPending} onClick={() => run(true)}>
            {t('timer.keepShort')}
          </Button>
          <Button variant="quiet" onClick={() => setAsking(false)}>
            {t('timer.keepRunning')}
          </Button>
        </div>
        {stop.isError ? <ErrorAlert messages={errorMessages(stop.error)} /> : null}
      </div>
    );
  }
  return (
    <div className="timer-bar-inner">
      <span className="timer-pulse" aria-hidden="true" />
      <div className="timer-text">
        <p className="timer-engagement">{timer.engagementName}</p>
        <p className="timer-notes">{timer.notes || t('timer.noNotes')}</p>
      </div>
      <p className="timer-elapsed">
        <span className="visually-hidden">{t('timer.elapsed')} </span>
        <time dateTime={`PT${Math.floor(elapsed)}S`} role="timer" data-testid="timer-elapsed">
          {format.elapsed(elapsed)}
        </time>
        <span className="timer-since">{t('timer.since', { time: format.time(timer.startedAt) })}</span>
      </p>
      <Button
        variant="primary"
        className="timer-stop"
        pending={stop.isPending}
        onClick={() => (elapsed < SHORT_TIMER_SECONDS ? setAsking(true) : run(false))}
      >
        <span className="stop-square" aria-hidden="true" />
        {t('timer.stop')}
      </Button>
      {stop.isError ? <ErrorAlert messages={errorMessages(stop.error)} /> : null}
    </div>
  );
}

function IdleTimer({ discarded }: { discarded: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <div className="timer-bar-inner">
        <p className="timer-idle" role="status">
          {discarded ? t('timer.discarded') : t('timer.idle')}
        </p>
        <Button onClick={() => setOpen(true)}>
          {/* A media symbol: it points the same way in every script. */}
          <svg className="play-triangle" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
            <path d="M2 1l9 5-9 5z" />
          </svg>
          {t('timer.start')}
        </Button>
      </div>
    );
  }
  return (
    <Suspense fallback={<Spinner />}>
      <StartTimerForm onDone={() => setOpen(false)} />
    </Suspense>
  );
}

/**
 * The timer, in view on every page of a member who logs time. It reads GET /timer, so a timer keeps
 * running across reloads, tabs and devices, and the elapsed time always counts from the API's start.
 */
export function TimerBar() {
  const { t } = useTranslation();
  const timer = useTimer(true);
  const running = timer.data?.timer ?? null;
  const [discarded, setDiscarded] = useState(false);
  // The note about a discarded timer lasts until the next one starts.
  useEffect(() => {
    if (running) setDiscarded(false);
  }, [running]);
  return (
    <section className={running ? 'timer-bar timer-bar-running' : 'timer-bar'} aria-label={t('timer.label')} data-testid="timer-bar">
      {timer.isPending ? null : running ? (
        <RunningTimer key={running.id} timer={running} onDiscarded={() => setDiscarded(true)} />
      ) : (
        <IdleTimer discarded={discarded} />
      )}
    </section>
  );
}
