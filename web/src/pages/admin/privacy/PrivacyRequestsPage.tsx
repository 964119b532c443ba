import { useState } from 'react';
import { api, unwrap } from '../../../api/client';
import type { PrivacyRequest } from '../../../api/types';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { DataTable, type Column } from '../../../components/DataTable';
import { FormDialog } from '../../../components/FormDialog';
import { Notice } from '../../../components/Notice';
import { ResourceView } from '../../../components/ResourceView';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { useLocale, useT } from '../../../i18n/LocaleContext';
import type { MessageKey } from '../../../i18n/translate';
import { formatDateTime } from '../../../lib/format';
import { useFormErrors } from '../../../lib/useFormErrors';
import { useResource } from '../../../lib/useResource';
import { Link } from '../../../router/Link';
import { AdminLayout } from '../AdminLayout';

const FIELDS = ['kind', 'subject', 'person_id', 'note'] as const;
type Kind = 'access' | 'erasure' | 'objection';
const loadRequests = async (): Promise<PrivacyRequest[]> =>
  (await unwrap(api.GET('/api/privacy-requests', { params: { query: { limit: 200 } } }))).requests;

/** Data subject requests with their one-month deadline: open ones first, overdue ones highlighted. */
export function PrivacyRequestsPage() {
  const t = useT();
  const { locale } = useLocale();
  const requests = useResource(loadRequests);
  const [creating, setCreating] = useState(false);
  const [closing, setClosing] = useState<{ request: PrivacyRequest; state: 'done' | 'rejected' } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const columns: Column<PrivacyRequest>[] = [
    { key: 'kind', header: t('privacy.kind'), render: (r) => t(`privacy.kind.${r.kind}` as MessageKey) },
    {
      key: 'subject',
      header: t('privacy.subject'),
      render: (r) => (r.person_id ? <Link href={`/contacts?id=${r.person_id}`}>{r.subject}</Link> : r.subject),
    },
    { key: 'received', header: t('privacy.received'), render: (r) => formatDateTime(locale, r.received_at) },
    {
      key: 'due',
      header: t('privacy.due'),
      render: (r) => (
        <>
          {formatDateTime(locale, r.due_at)}{' '}
          {r.overdue && <span className="badge badge--overdue">{t('privacy.overdue')}</span>}
        </>
      ),
    },
    { key: 'state', header: t('privacy.state'), render: (r) => t(`privacy.state.${r.state}` as MessageKey) },
    { key: 'note', header: t('privacy.note'), render: (r) => r.note || t('common.none') },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (r) =>
        r.state === 'open' && (
          <>
            <button type="button" className="button button--small" onClick={() => setClosing({ request: r, state: 'done' })}>
              {t('privacy.markDone')}
            </button>{' '}
            <button type="button" className="button button--small" onClick={() => setClosing({ request: r, state: 'rejected' })}>
              {t('privacy.reject')}
            </button>
          </>
        ),
    },
  ];

  return (
    <AdminLayout>
      <div className="toolbar toolbar--end">
        <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
          {t('privacy.new')}
        </button>
      </div>
      {message && <Notice kind="success">{message}</Notice>}
      <ResourceView resource={requests}>
        {(rows) => (
          <DataTable
            caption={t('admin.privacy')}
            columns={columns}
            rows={rows}
            rowKey={(r) => r.id}
            emptyText={t('privacy.empty')}
            rowClassName={(r) => (r.overdue ? 'row--overdue' : r.state !== 'open' ? 'row--muted' : undefined)}
          />
        )}
      </ResourceView>
      {creating && (
        <CreateRequestDialog
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            setMessage(t('privacy.created'));
            requests.reload();
          }}
        />
      )}
      {closing && (
        <CloseRequestDialog
          request={closing.request}
          state={closing.state}
          onClose={() => setClosing(null)}
          onClosed={() => {
            setClosing(null);
            requests.reload();
          }}
        />
      )}
    </AdminLayout>
  );
}

function CreateRequestDialog({ onCreated, onClose }: { onCreated: () => void; onClose: () => void }) {
  const t = useT();
  const errors = useFormErrors(FIELDS);
  const [kind, setKind] = useState<Kind>('access');
  const [subject, setSubject] = useState('');
  const [personId, setPersonId] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(): Promise<void> {
    setBusy(true);
    errors.clear();
    try {
      const id = Number(personId);
      const body = { kind, subject, ...(personId.trim() !== '' && Number.isInteger(id) ? { person_id: id } : {}) };
      await unwrap(api.POST('/api/privacy-requests', { body }));
      onCreated();
    } catch (caught) {
      errors.showError(caught);
      setBusy(false);
    }
  }

  return (
    <FormDialog title={t('privacy.new')} submitLabel={t('common.create')} busy={busy} general={errors.general} onSubmit={() => void submit()} onClose={onClose}>
      <SelectField
        label={t('privacy.kind')}
        value={kind}
        onChange={(value) => setKind(value as Kind)}
        options={(['access', 'erasure', 'objection'] as const).map((k) => ({ value: k, label: t(`privacy.kind.${k}`) }))}
        error={errors.fieldErrors.kind}
      />
      <TextField label={t('privacy.subject')} value={subject} onChange={setSubject} error={errors.fieldErrors.subject} required />
      <TextField
        label={t('privacy.contact')}
        value={personId}
        onChange={setPersonId}
        inputMode="numeric"
        error={errors.fieldErrors.person_id}
        optionalText={t('common.optional')}
      />
    </FormDialog>
  );
}

function CloseRequestDialog(props: { request: PrivacyRequest; state: 'done' | 'rejected'; onClosed: () => void; onClose: () => void }) {
  const t = useT();
  const [note, setNote] = useState('');
  return (
    <ConfirmDialog
      title={props.state === 'done' ? t('privacy.markDone') : t('privacy.reject')}
      message={`${t(`privacy.kind.${props.request.kind}` as MessageKey)}: ${props.request.subject}`}
      confirmLabel={props.state === 'done' ? t('privacy.markDone') : t('privacy.reject')}
      danger={props.state === 'rejected'}
      onCancel={props.onClose}
      onConfirm={async () => {
        await unwrap(
          api.PATCH('/api/privacy-requests/{id}', { params: { path: { id: props.request.id } }, body: { state: props.state, note } }),
        );
        props.onClosed();
      }}
    >
      <TextField label={t('privacy.note')} value={note} onChange={setNote} />
    </ConfirmDialog>
  );
}
