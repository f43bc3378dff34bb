import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDisclosed } from '@candor/domain';
import { Button, ErrorAlert, SelectField, SubmitButton, TextAreaField } from '../../ui';
import { ApiError } from '../../lib/api';
import { type Deliverable } from './deliverable-endpoints';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFormat } from '../../lib/i18n/use-format';
import { useDisclosures } from '../disclosures/disclosure-queries';
import { formatBytes } from './deliverable-schema';
import { useDeliverVersion } from './deliverable-queries';

/** What the API accepts (it decides from the bytes; this only narrows the file picker). */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.txt,.csv';

/** Refusals of an upload by status: a title in the reader's language over the API's own explanation. */
function useUploadProblem() {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  return (error: unknown): { title?: string; messages: string[] } => {
    if (!(error instanceof ApiError)) return { messages: errorMessages(error) };
    const title =
      error.status === 413
        ? t('deliverable.upload.tooLarge')
        : error.status === 415
          ? t('deliverable.upload.badType')
          : error.status === 400
            ? t('deliverable.upload.refused')
            : undefined;
    return { ...(title ? { title } : {}), messages: error.details.length ? error.details : title ? [] : errorMessages(error) };
  };
}

/**
 * Staff deliver a version: a change summary and one or more files, sent as multipart. A version may
 * instead correct a disclosed error of this engagement, which never counts as a round; once the
 * client has the version (or approved it), only a correction may follow.
 */
export function DeliverVersion({ deliverable }: { deliverable: Deliverable }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const correctionOnly = deliverable.status === 'submitted' || deliverable.status === 'approved';
  if (correctionOnly && deliverable.versionCount === 0) return null;
  const label = correctionOnly
    ? t('deliverable.deliver.correction')
    : t('deliverable.deliver.open', { number: deliverable.versionCount + 1 });
  if (!open) {
    return (
      <Button variant={correctionOnly ? 'secondary' : 'primary'} onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  }
  return <DeliverForm deliverable={deliverable} label={label} correctionOnly={correctionOnly} onClose={() => setOpen(false)} />;
}

function DeliverForm({
  deliverable,
  label,
  correctionOnly,
  onClose,
}: {
  deliverable: Deliverable;
  label: string;
  correctionOnly: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const uploadProblem = useUploadProblem();
  const deliver = useDeliverVersion(deliverable.id);
  const disclosures = useDisclosures({ engagementId: deliverable.engagementId });
  const fileId = useId();
  const [summary, setSummary] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [disclosureId, setDisclosureId] = useState('');
  const [tried, setTried] = useState(false);
  const correctable = (disclosures.data?.items ?? []).filter(
    (d) => isDisclosed(d.status) && d.status !== 'closed' && (d.deliverableId === null || d.deliverableId === deliverable.id),
  );
  const problems = {
    summary: tried && !summary.trim() ? t('deliverable.deliver.summaryRequired') : undefined,
    files: tried && files.length === 0 ? t('deliverable.deliver.filesRequired') : undefined,
    disclosure: tried && correctionOnly && !disclosureId ? t('deliverable.deliver.disclosureRequired') : undefined,
  };
  const refusal = deliver.isError ? uploadProblem(deliver.error) : { messages: [] };
  return (
    <form
      className="form form-compact inline-action"
      noValidate
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (deliver.isPending || !summary.trim() || files.length === 0 || (correctionOnly && !disclosureId)) return;
        deliver.mutate({ changeSummary: summary.trim(), files, ...(disclosureId ? { disclosureId } : {}) }, { onSuccess: onClose });
      }}
    >
      <ErrorAlert title={refusal.title} messages={refusal.title && refusal.messages.length === 0 ? [refusal.title] : refusal.messages} />
      <TextAreaField
        label={t('deliverable.deliver.summary')}
        hint={t('deliverable.deliver.summaryHint')}
        rows={3}
        value={summary}
        error={problems.summary}
        onChange={(event) => setSummary(event.target.value)}
      />
      <div className="field">
        <label className="field-label" htmlFor={fileId}>
          {t('deliverable.deliver.files')}
        </label>
        <input
          id={fileId}
          type="file"
          multiple
          accept={ACCEPT}
          className="field-input field-file"
          aria-invalid={problems.files ? true : undefined}
          aria-describedby={`${fileId}-hint${problems.files ? ` ${fileId}-error` : ''}`}
          onChange={(event) => setFiles(Array.from(event.target.files ?? []))}
        />
        {problems.files ? (
          <p id={`${fileId}-error`} className="field-error">
            {problems.files}
          </p>
        ) : null}
        <p id={`${fileId}-hint`} className="field-hint">
          {t('deliverable.deliver.filesHint')}
        </p>
        {files.length ? (
          <ul className="file-list" aria-label={t('deliverable.deliver.chosen')}>
            {files.map((file) => (
              <li key={`${file.name}-${file.size}`} className="file">
                <bdi>{file.name}</bdi> <span className="muted">{formatBytes(file.size, format.locale)}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {deliverable.versionCount > 0 ? (
        <SelectField
          label={t('deliverable.deliver.correctionOf')}
          hint={t('deliverable.deliver.correctionHint')}
          optional={!correctionOnly}
          error={problems.disclosure}
          value={disclosureId}
          onChange={(event) => setDisclosureId(event.target.value)}
        >
          <option value="">{correctionOnly ? t('deliverable.deliver.chooseDisclosure') : t('deliverable.deliver.notCorrection')}</option>
          {correctable.map((d) => (
            <option key={d.id} value={d.id}>
              {t(`disclosure.category.${d.category}`)} · {format.date(d.disclosedAt ?? d.discoveredAt)}
            </option>
          ))}
        </SelectField>
      ) : null}
      <div className="form-actions">
        <SubmitButton pending={deliver.isPending}>{t('deliverable.deliver.submit')}</SubmitButton>
        <Button variant="quiet" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
