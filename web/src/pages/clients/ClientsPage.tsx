import { useState } from 'react';
import { loadClients } from '../../api/loaders';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { ResourceView } from '../../components/ResourceView';
import { useT } from '../../i18n/LocaleContext';
import { useLiveEvents } from '../../lib/useLiveEvents';
import { useResource } from '../../lib/useResource';
import { useSignedIn } from '../../session/SessionContext';
import { ClientTable } from './ClientTable';
import { CreateClientDialog } from './CreateClientDialog';

const CLIENT_EVENTS = ['client.changed'] as const;

/** The agency's clients; project managers and admins can add one. */
export function ClientsPage() {
  const t = useT();
  const { access } = useSignedIn();
  const clients = useResource(loadClients);
  useLiveEvents(CLIENT_EVENTS, clients.reload);
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const canCreate = access.permissions.has('clients.manage');

  return (
    <>
      <PageHeader title={t('clients.title')}>
        {canCreate && (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            {t('clients.new')}
          </button>
        )}
      </PageHeader>
      {message && <Notice kind="success">{message}</Notice>}
      <ResourceView resource={clients}>{(rows) => <ClientTable clients={rows} />}</ResourceView>
      {creating && (
        <CreateClientDialog
          onClose={() => setCreating(false)}
          onCreated={(client) => {
            setCreating(false);
            setMessage(t('clients.created', { name: client.name }));
            clients.reload();
          }}
        />
      )}
    </>
  );
}
