import { loadCampaigns } from '../api/loaders';
import { PageHeader } from '../components/PageHeader';
import { ResourceView } from '../components/ResourceView';
import { useT } from '../i18n/LocaleContext';
import { useResource } from '../lib/useResource';
import { useSignedIn } from '../session/SessionContext';
import { AppointmentsSection } from './appointments/AppointmentsSection';
import { CampaignTable } from './campaigns/CampaignTable';

/** The client's view: its campaigns now, more to come. */
export function PortalPage() {
  const t = useT();
  const { session, access } = useSignedIn();
  const campaigns = useResource(loadCampaigns);
  const client = session.user.client_name ?? session.agency.name;
  return (
    <>
      <PageHeader title={t('portal.title')} />
      <p className="lead">{t('portal.intro', { client })}</p>
      <section className="section">
        <h2 className="section__title">{t('portal.campaigns')}</h2>
        <ResourceView resource={campaigns}>{(rows) => <CampaignTable campaigns={rows} showClient={!access.clientBound} />}</ResourceView>
      </section>
      <AppointmentsSection canRecord={access.permissions.has('portal.view')} />
      <p className="muted">{t('portal.moreSoon')}</p>
    </>
  );
}
