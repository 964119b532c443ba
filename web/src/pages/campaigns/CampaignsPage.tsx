import { loadCampaigns } from '../../api/loaders';
import { PageHeader } from '../../components/PageHeader';
import { ResourceView } from '../../components/ResourceView';
import { useT } from '../../i18n/LocaleContext';
import { useResource } from '../../lib/useResource';
import { CampaignTable } from './CampaignTable';

/** All campaigns of the agency. */
export function CampaignsPage() {
  const t = useT();
  const campaigns = useResource(loadCampaigns);
  return (
    <>
      <PageHeader title={t('campaigns.title')} />
      <ResourceView resource={campaigns}>{(rows) => <CampaignTable campaigns={rows} showClient />}</ResourceView>
    </>
  );
}
