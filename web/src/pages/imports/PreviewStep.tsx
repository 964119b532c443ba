import { useCallback, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { withId } from '../../api/loaders';
import { CONTACT_FIELDS, DELIMITERS, type ContactField, type Delimiter, type Import, type ImportPreview } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { Form } from '../../components/Form';
import { Notice } from '../../components/Notice';
import { ResourceView } from '../../components/ResourceView';
import { SelectField } from '../../components/SelectField';
import { useT } from '../../i18n/LocaleContext';
import type { MessageKey } from '../../i18n/translate';
import { useFormErrors } from '../../lib/useFormErrors';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { useResource } from '../../lib/useResource';

/** Encodings offered besides the detected one; the server reads any name iconv knows. */
const ENCODINGS = ['UTF-8', 'WINDOWS-1252', 'ISO-8859-15', 'ISO-8859-1', 'UTF-16LE', 'UTF-16BE', 'CP850'] as const;
const PREVIEW_ROWS = 10;
const RUN_FIELDS = ['duplicates', 'campaign_id'] as const;

interface Reading {
  encoding: string;
  delimiter: Delimiter | '';
}

interface PreviewStepProps {
  job: Import;
  onStarted: (job: Import) => void;
  onCancel: () => void;
}

/** Steps 2 and 3: how the file is read (encoding, delimiter), its first rows, the column mapping and the options. */
export function PreviewStep({ job, onStarted, onCancel }: PreviewStepProps) {
  const [reading, setReading] = useState<Reading>({ encoding: '', delimiter: '' });
  const load = useCallback(async () => {
    const query = {
      ...(reading.encoding ? { encoding: reading.encoding } : {}),
      ...(reading.delimiter ? { delimiter: reading.delimiter } : {}),
    };
    return unwrap(api.GET('/api/imports/{id}/preview', { params: { path: { id: job.id }, query } }));
  }, [job.id, reading]);
  const preview = useResource(load);
  return (
    <ResourceView resource={preview}>
      {(data) => (
        <PreviewForm
          key={`${data.encoding}/${data.delimiter}/${data.headers.join('\u0000')}`}
          job={job}
          preview={data}
          onReading={setReading}
          onStarted={onStarted}
          onCancel={onCancel}
        />
      )}
    </ResourceView>
  );
}

interface PreviewFormProps extends PreviewStepProps {
  preview: ImportPreview;
  onReading: (reading: Reading) => void;
}

function PreviewForm({ job, preview, onReading, onStarted, onCancel }: PreviewFormProps) {
  const t = useT();
  const errors = useFormErrors(RUN_FIELDS);
  const [mapping, setMapping] = useState<ContactField[]>(() => preview.headers.map((_, i) => preview.mapping[i] ?? 'ignore'));
  const [duplicates, setDuplicates] = useState<'skip' | 'merge'>('skip');
  const [campaignId, setCampaignId] = useState('');
  const [busy, setBusy] = useState(false);

  const encodings = ENCODINGS.some((e) => e === preview.encoding) ? ENCODINGS : [preview.encoding, ...ENCODINGS];
  const chosenTwice = (field: ContactField, index: number) => field !== 'ignore' && mapping.some((f, j) => f === field && j !== index);
  const fieldLabel = (field: ContactField) => t(`import.field.${field}` as MessageKey);

  async function run(): Promise<void> {
    // The columns chosen twice already say so under their selects.
    if (mapping.some(chosenTwice)) return;
    setBusy(true);
    errors.clear();
    try {
      const body = {
        mapping,
        duplicates,
        encoding: preview.encoding,
        delimiter: preview.delimiter,
        ...(campaignId ? { campaign_id: Number(campaignId) } : {}),
      };
      onStarted(await unwrap(api.POST('/api/imports/{id}/run', { ...withId(job.id), body })));
    } catch (caught) {
      errors.showError(caught);
      setBusy(false);
    }
  }

  const rows = preview.rows.slice(0, PREVIEW_ROWS).map((cells, index) => ({ index, cells }));
  return (
    <Form label={t('import.stepPreview')} onSubmit={() => void run()} general={errors.general}>
      <fieldset className="fieldset">
        <legend>{t('import.reading')}</legend>
        <div className="grid grid--2">
          <SelectField
            label={t('import.encoding')}
            value={preview.encoding}
            onChange={(encoding) => onReading({ encoding, delimiter: preview.delimiter })}
            options={encodings.map((e) => ({ value: e, label: e }))}
            hint={t('import.encodingHint')}
          />
          <SelectField
            label={t('import.delimiter')}
            value={preview.delimiter}
            onChange={(value) => {
              const delimiter = DELIMITERS.find((d) => d === value) ?? '';
              onReading({ encoding: preview.encoding, delimiter });
            }}
            options={DELIMITERS.map((d) => ({ value: d, label: t(`import.delimiter.${d}` as MessageKey) }))}
          />
        </div>
      </fieldset>
      {preview.error && (
        <Notice kind="error">
          {t('import.previewError', { message: preview.error.message })}
        </Notice>
      )}
      <section className="section" aria-label={t('import.firstRows')}>
        <h3 className="subheading">{t('import.firstRows')}</h3>
        <DataTable
          caption={t('import.firstRows')}
          rows={rows}
          rowKey={(row) => row.index}
          emptyText={t('import.noRows')}
          columns={preview.headers.map((header, i) => ({
            key: String(i),
            header: header || t('import.columnN', { n: i + 1 }),
            render: (row: (typeof rows)[number]) => <span className="truncate">{row.cells[i] ?? ''}</span>,
          }))}
        />
      </section>
      <fieldset className="fieldset">
        <legend>{t('import.mapping')}</legend>
        <p className="muted small">{t('import.mappingIntro')}</p>
        <div className="mapping">
          {preview.headers.map((header, i) => {
            const name = header || t('import.columnN', { n: i + 1 });
            const field = mapping[i] ?? 'ignore';
            return (
              <SelectField
                key={i}
                label={name}
                aria-label={t('import.mapColumn', { column: name })}
                value={field}
                onChange={(value) => {
                  const chosen = CONTACT_FIELDS.find((f) => f === value) ?? 'ignore';
                  setMapping((current) => current.map((f, j) => (j === i ? chosen : f)));
                }}
                options={CONTACT_FIELDS.map((f) => ({ value: f, label: fieldLabel(f) }))}
                error={chosenTwice(field, i) ? t('import.chosenTwice') : undefined}
                hint={preview.rows[0]?.[i] ? t('import.example', { value: preview.rows[0][i] }) : undefined}
              />
            );
          })}
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('import.options')}</legend>
        <div className="grid grid--2">
          <SelectField
            label={t('import.duplicates')}
            value={duplicates}
            onChange={(value) => setDuplicates(value === 'merge' ? 'merge' : 'skip')}
            options={[
              { value: 'skip', label: t('import.duplicates.skip') },
              { value: 'merge', label: t('import.duplicates.merge') },
            ]}
            hint={t('import.duplicatesHint')}
            error={errors.fieldErrors.duplicates}
          />
          <CampaignSelect clientId={job.client_id} value={campaignId} onChange={setCampaignId} hint={t('import.campaignHint')} error={errors.fieldErrors.campaign_id} />
        </div>
      </fieldset>
      <div className="toolbar">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('import.otherFile')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy || preview.headers.length === 0}>
          {busy ? t('import.starting') : t('import.run')}
        </button>
      </div>
    </Form>
  );
}
