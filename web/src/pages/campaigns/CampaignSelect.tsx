import { useCallback } from 'react';
import { loadClientCampaigns } from '../../api/loaders';
import { ResourceView } from '../../components/ResourceView';
import { SelectField } from '../../components/SelectField';
import { useT } from '../../i18n/LocaleContext';
import { useResource } from '../../lib/useResource';

interface CampaignSelectProps {
  clientId: number;
  /** The campaign's id as text; "" for none. */
  value: string;
  onChange: (value: string) => void;
  hint: string;
  error: string | undefined;
}

/** Picks one of a client's campaigns that are not finished, or none. */
export function CampaignSelect({ clientId, value, onChange, hint, error }: CampaignSelectProps) {
  const t = useT();
  const campaigns = useResource(useCallback(() => loadClientCampaigns(clientId), [clientId]));
  return (
    <ResourceView resource={campaigns}>
      {(list) => (
        <SelectField
          label={t('import.campaign')}
          value={value}
          onChange={onChange}
          placeholder={t('import.noCampaign')}
          options={list.filter((c) => c.state !== 'finished').map((c) => ({ value: String(c.id), label: c.name }))}
          hint={hint}
          error={error}
        />
      )}
    </ResourceView>
  );
}
