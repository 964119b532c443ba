import { useCallback, useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { loadClients, withId } from '../../api/loaders';
import type { ContactSummary } from '../../api/types';
import { DataTable, type Column } from '../../components/DataTable';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { ResourceView } from '../../components/ResourceView';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/LocaleContext';
import { errorText } from '../../lib/errorText';
import { useResource } from '../../lib/useResource';
import { Link } from '../../router/Link';
import { useSearch } from '../../router/history';
import { useSignedIn } from '../../session/SessionContext';
import { ContactDetailView } from './ContactDetailView';
import { ContactForm } from './ContactForm';

/**
 * Contact search (name, company, email or a phone number in any spelling); ?id=N shows one contact, ?id=N&edit
 * edits it, ?new (&client=N) creates one.
 */
export function ContactsPage() {
  const params = new URLSearchParams(useSearch());
  const { access } = useSignedIn();
  const id = Number(params.get('id'));
  const canManage = access.permissions.has('contacts.manage');
  if (Number.isInteger(id) && id > 0) {
    return canManage && params.has('edit') ? <EditContact key={id} id={id} /> : <ContactDetailView key={id} id={id} />;
  }
  if (canManage && params.has('new')) return <ContactForm contact={null} clientId={Number(params.get('client')) || undefined} />;
  return <ContactSearch canManage={canManage} />;
}

function EditContact({ id }: { id: number }) {
  const contact = useResource(useCallback(() => unwrap(api.GET('/api/contacts/{id}', withId(id))), [id]));
  return <ResourceView resource={contact}>{(data) => <ContactForm contact={data} />}</ResourceView>;
}

function ContactSearch({ canManage }: { canManage: boolean }) {
  const t = useT();
  const clients = useResource(loadClients);
  const [query, setQuery] = useState('');
  const [clientId, setClientId] = useState('');
  const [rows, setRows] = useState<ContactSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(async () => {
    setError(null);
    try {
      const params = { query: { q: query.trim(), limit: 100, ...(clientId ? { client_id: Number(clientId) } : {}) } };
      setRows((await unwrap(api.GET('/api/contacts', { params }))).contacts);
    } catch (caught) {
      setError(errorText(t, caught));
    }
  }, [query, clientId, t]);

  useEffect(() => {
    const timer = window.setTimeout(() => void run(), 250);
    return () => window.clearTimeout(timer);
  }, [run]);

  const columns: Column<ContactSummary>[] = [
    {
      key: 'name',
      header: t('contacts.name'),
      render: (c) => <Link href={`/contacts?id=${c.id}`}>{`${c.first_name} ${c.last_name}`.trim()}</Link>,
    },
    { key: 'company', header: t('contacts.company'), render: (c) => c.company_name || t('common.none') },
    { key: 'function', header: t('contacts.function'), render: (c) => c.function || t('common.none') },
    { key: 'email', header: t('contacts.email'), render: (c) => c.email || t('common.none') },
    { key: 'phone', header: t('contacts.phone'), render: (c) => c.phone || t('common.none') },
    {
      key: 'status',
      header: t('contacts.status'),
      render: (c) => (c.blocked ? <span className="badge badge--blocked">{t('contacts.blocked')}</span> : ''),
    },
  ];

  return (
    <>
      <PageHeader title={t('contacts.title')}>
        {canManage && (
          <>
            <Link className="button" href={clientId ? `/contacts/import?client=${clientId}` : '/contacts/import'}>
              {t('import.start')}
            </Link>
            <Link className="button button--primary" href={clientId ? `/contacts?new&client=${clientId}` : '/contacts?new'}>
              {t('contactForm.newTitle')}
            </Link>
          </>
        )}
      </PageHeader>
      <form className="filters" role="search" onSubmit={(event) => { event.preventDefault(); void run(); }}>
        <TextField
          label={t('contacts.search')}
          type="search"
          value={query}
          onChange={setQuery}
          placeholder={t('contacts.searchPlaceholder')}
          className="filters__search"
          autoFocus
        />
        <SelectField
          label={t('contacts.client')}
          value={clientId}
          onChange={setClientId}
          placeholder={t('contacts.allClients')}
          options={clients.status === 'ready' ? clients.data.map((c) => ({ value: String(c.id), label: c.name })) : []}
        />
      </form>
      {error && <Notice kind="error">{error}</Notice>}
      {rows && (
        <DataTable
          caption={t('contacts.title')}
          columns={columns}
          rows={rows}
          rowKey={(c) => c.id}
          emptyText={t('contacts.empty')}
          rowClassName={(c) => (c.blocked ? 'row--muted' : undefined)}
        />
      )}
    </>
  );
}
