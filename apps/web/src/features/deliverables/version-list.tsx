import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, ErrorAlert } from '../../ui';
import { downloadDeliverableFile, type DeliverableFile, type DeliverableVersion } from './deliverable-endpoints';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFormat } from '../../lib/i18n/use-format';
import { useDownload } from '../../lib/save-file';
import { formatBytes } from './deliverable-schema';

/** A file needs the bearer token, so the link fetches it and hands the browser the bytes under its own name. */
function FileLink({ deliverableId, file }: { deliverableId: string; file: DeliverableFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessages = useErrorMessages();
  const { busy, error, run } = useDownload();
  const download = () => run(() => downloadDeliverableFile(deliverableId, file.id), file.originalName);
  return (
    <li className="file">
      <Button
        variant="quiet"
        className="file-link"
        pending={busy}
        onClick={() => void download()}
        aria-label={t('deliverable.download', { name: file.originalName })}
      >
        <bdi>{file.originalName}</bdi>
      </Button>
      <span className="muted">{formatBytes(file.sizeBytes, format.locale)}</span>
      <ErrorAlert messages={error ? errorMessages(error, { 404: t('deliverable.fileMissing') }) : []} />
    </li>
  );
}

/** Versions newest first: what changed, by whom and when, its files, and whether it corrects a disclosed error. */
export function VersionList({ deliverableId, versions }: { deliverableId: string; versions: DeliverableVersion[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (versions.length === 0) return <p className="muted">{t('deliverable.noVersions')}</p>;
  const sorted = [...versions].sort((a, b) => b.number - a.number);
  return (
    <ol className="version-list" data-testid="version-list">
      {sorted.map((version) => (
        <li key={version.id} className="version" aria-labelledby={`version-${version.id}`}>
          <div className="version-head">
            <h3 id={`version-${version.id}`} className="version-title">
              {t('deliverable.versionNumber', { number: version.number })}
            </h3>
            <span className={`badge badge-${version.kind === 'correction' ? 'info' : 'neutral'}`}>
              {t(`deliverable.kind.${version.kind}`)}
            </span>
            {version.kind === 'correction' && version.disclosureId ? (
              <Link to={`/disclosures/${version.disclosureId}`} className="text-link">
                {t('deliverable.correctsDisclosure')}
              </Link>
            ) : null}
          </div>
          <p className="list-meta">
            {t('deliverable.deliveredBy', { name: version.deliveredBy.displayName, date: format.dateTime(version.createdAt) })}
          </p>
          <p className="notes" dir="auto">
            {version.changeSummary}
          </p>
          <ul className="file-list" aria-label={t('deliverable.filesOf', { number: version.number })}>
            {version.files.map((file) => (
              <FileLink key={file.id} deliverableId={deliverableId} file={file} />
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
