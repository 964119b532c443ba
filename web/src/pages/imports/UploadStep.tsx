import { useId, useState, type DragEvent } from 'react';
import type { Import } from '../../api/types';
import { Notice } from '../../components/Notice';
import { ProgressBar } from '../../components/ProgressBar';
import { useLocale } from '../../i18n/LocaleContext';
import { errorText } from '../../lib/errorText';
import { formatBytes } from '../../lib/format';
import { uploadImport } from './uploadImport';

interface UploadStepProps {
  clientId: number;
  onUploaded: (job: Import) => void;
}

/** Step 1: choose a file (picker or drag and drop) and upload it, with a progress bar for big files. */
export function UploadStep({ clientId, onUploaded }: UploadStepProps) {
  const { t, locale } = useLocale();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  function drop(event: DragEvent<HTMLDivElement>): void {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) setFile(dropped);
  }

  async function upload(): Promise<void> {
    if (!file) {
      setError(t('import.chooseFirst'));
      return;
    }
    setError(null);
    setProgress({ loaded: 0, total: file.size });
    try {
      onUploaded(await uploadImport(clientId, file, (loaded, total) => setProgress({ loaded, total })));
    } catch (caught) {
      setError(errorText(t, caught));
      setProgress(null);
    }
  }

  const busy = progress !== null;
  return (
    <form
      aria-label={t('import.stepUpload')}
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void upload();
      }}
    >
      <div
        className={`dropzone${dragging ? ' dropzone--active' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <label htmlFor={inputId} className="field__label">
          {t('import.file')}
        </label>
        <input
          id={inputId}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          disabled={busy}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        <p className="muted small">{t('import.dropHint')}</p>
        {file && <p className="small">{t('import.chosen', { name: file.name, size: formatBytes(locale, file.size) })}</p>}
      </div>
      {progress && (
        <ProgressBar
          label={t('import.uploadProgress')}
          value={progress.loaded}
          max={progress.total}
          valueText={t('import.uploaded', { done: formatBytes(locale, progress.loaded), total: formatBytes(locale, progress.total) })}
        />
      )}
      {error && <Notice kind="error">{error}</Notice>}
      <div className="toolbar">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('import.uploading') : t('import.upload')}
        </button>
      </div>
    </form>
  );
}
