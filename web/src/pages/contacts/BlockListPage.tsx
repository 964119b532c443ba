import { useCallback, useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { BlockEntry } from '../../api/types';
import { DataTable, type Column } from '../../components/DataTable';
import { Form } from '../../components/Form';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { ResourceView } from '../../components/ResourceView';
import { TextField } from '../../components/TextField';
import { useLocale, useT } from '../../i18n/LocaleContext';
import type { MessageKey } from '../../i18n/translate';
import { formatDateTime } from '../../lib/format';
import { useFormErrors } from '../../lib/useFormErrors';
import { useResource } from '../../lib/useResource';

const FIELDS = ['phone', 'email', 'reason'] as const;
const loadEntries = async (): Promise<BlockEntry[]> =>
  (await unwrap(api.GET('/api/block-list', { params: { query: { limit: 200 } } }))).entries;

/** The agency's block list (hashes only) and blocking a phone number or an e-mail address by hand. */
export function BlockListPage() {
  const t = useT();
  const { locale } = useLocale();
  const entries = useResource(loadEntries);
  const errors = useFormErrors(FIELDS);
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const submit = useCallback(async () => {
    setBusy(true);
    setMessage(null);
    errors.clear();
    try {
      const trimmed = value.trim();
      const body = trimmed.includes('@') ? { email: trimmed, reason } : { phone: trimmed, reason };
      const result = await unwrap(api.POST('/api/block-list', { body }));
      setMessage(t('blockList.added', { count: result.persons_blocked.length }));
      setValue('');
      setReason('');
      entries.reload();
    } catch (caught) {
      errors.showError(caught);
    }
    setBusy(false);
  }, [value, reason, errors, t, entries]);

  const columns: Column<BlockEntry>[] = [
    { key: 'kind', header: t('blockList.kind'), render: (e) => t(`blockList.kind.${e.kind}` as MessageKey) },
    { key: 'reason', header: t('blockList.reason'), render: (e) => e.reason || t('common.none') },
    { key: 'created_at', header: t('blockList.createdAt'), render: (e) => formatDateTime(locale, e.created_at) },
    { key: 'created_by', header: t('blockList.createdBy'), render: (e) => e.created_by_name || t('audit.system') },
  ];

  return (
    <>
      <PageHeader title={t('blockList.title')} />
      <p className="muted">{t('blockList.intro')}</p>
      <section className="card section" aria-label={t('blockList.add')}>
        <h2 className="section__title">{t('blockList.add')}</h2>
        <Form label={t('blockList.add')} onSubmit={() => void submit()} general={errors.general}>
          <div className="filters">
            <TextField
              label={t('blockList.value')}
              value={value}
              onChange={setValue}
              error={errors.fieldErrors.phone ?? errors.fieldErrors.email}
              required
            />
            <TextField label={t('blockList.reason')} value={reason} onChange={setReason} error={errors.fieldErrors.reason} required />
            <button type="submit" className="button button--danger" disabled={busy}>
              {t('contacts.block')}
            </button>
          </div>
        </Form>
      </section>
      {message && <Notice kind="success">{message}</Notice>}
      <ResourceView resource={entries}>
        {(rows) => (
          <DataTable caption={t('blockList.title')} columns={columns} rows={rows} rowKey={(e) => e.id} emptyText={t('blockList.empty')} />
        )}
      </ResourceView>
    </>
  );
}
