import { useCallback, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { loadClient, loadClientCampaigns, withId } from '../../api/loaders';
import type { Client } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { ResourceView } from '../../components/ResourceView';
import { SectionCard } from '../../components/SectionCard';
import { useT } from '../../i18n/LocaleContext';
import { useLiveEvents } from '../../lib/useLiveEvents';
import { useResource } from '../../lib/useResource';
import { Link } from '../../router/Link';
import { navigate } from '../../router/history';
import { useSignedIn } from '../../session/SessionContext';
import { CampaignTable } from '../campaigns/CampaignTable';
import { CreateCampaignDialog } from '../campaigns/CreateCampaignDialog';
import { ImportHistory } from '../imports/ImportHistory';
import { ClientDetailsForm } from './ClientDetailsForm';
import { RepsSection } from './RepsSection';

const CAMPAIGN_EVENTS = ['campaign.changed'] as const;

/** One client: its details, archive and restore, its campaigns, its field sales reps and its contact-list imports. */
export function ClientPage({ id }: { id: number }) {
  const t = useT();
  const client = useResource(useCallback(() => loadClient(id), [id]));
  return (
    <>
      <p className="breadcrumb">
        <Link href="/clients">← {t('clients.title')}</Link>
      </p>
      <ResourceView resource={client}>{(data) => <ClientView initial={data} />}</ResourceView>
    </>
  );
}

function ClientView({ initial }: { initial: Client }) {
  const t = useT();
  const { access } = useSignedIn();
  const [client, setClient] = useState(initial);
  const [confirming, setConfirming] = useState(false);
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const campaigns = useResource(useCallback(() => loadClientCampaigns(initial.id), [initial.id]));
  useLiveEvents(CAMPAIGN_EVENTS, campaigns.reload);
  const canManage = access.permissions.has('clients.manage');
  const canImport = access.permissions.has('contacts.manage') && !access.clientBound && !client.archived;
  const canCreateCampaign = access.permissions.has('campaigns.manage') && !client.archived;

  return (
    <>
      <PageHeader title={client.name}>
        {client.archived && <span className="badge badge--inactive">{t('clients.archivedBadge')}</span>}
        {canManage && (
          <button type="button" className={`button ${client.archived ? '' : 'button--danger-outline'}`} onClick={() => setConfirming(true)}>
            {client.archived ? t('clients.restore') : t('clients.archive')}
          </button>
        )}
      </PageHeader>
      {message && <Notice kind="success">{message}</Notice>}
      {canManage && <ClientDetailsForm key={`${client.id}-${client.archived}`} client={client} onSaved={setClient} />}
      <SectionCard title={t('clients.campaigns')}>
        {canCreateCampaign && (
          <div className="toolbar toolbar--end">
            <button type="button" className="button" onClick={() => setCreating(true)}>
              {t('campaigns.new')}
            </button>
          </div>
        )}
        <ResourceView resource={campaigns}>{(rows) => <CampaignTable campaigns={rows} showClient={false} linked />}</ResourceView>
      </SectionCard>
      <RepsSection clientId={client.id} canManage={canManage} />
      {canImport && (
        <ImportHistory
          clientId={client.id}
          action={
            <Link className="button button--primary" href={`/contacts/import?client=${client.id}`}>
              {t('import.start')}
            </Link>
          }
        />
      )}
      {confirming && (
        <ConfirmDialog
          title={client.archived ? t('clients.restore') : t('clients.archive')}
          message={t(client.archived ? 'clients.restoreConfirm' : 'clients.archiveConfirm', { name: client.name })}
          confirmLabel={client.archived ? t('clients.restore') : t('clients.archive')}
          danger={!client.archived}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            const changed = await unwrap(api.PATCH('/api/clients/{id}', { ...withId(client.id), body: { archived: !client.archived } }));
            setClient(changed);
            setConfirming(false);
            setMessage(t(changed.archived ? 'clients.archivedText' : 'clients.restoredText', { name: changed.name }));
          }}
        />
      )}
      {creating && (
        <CreateCampaignDialog clientId={client.id} onClose={() => setCreating(false)} onCreated={(c) => navigate(`/campaigns/${c.id}`)} />
      )}
    </>
  );
}
