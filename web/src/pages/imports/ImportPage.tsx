import { loadClients } from '../../api/loaders';
import { PageHeader } from '../../components/PageHeader';
import { ResourceView } from '../../components/ResourceView';
import { SelectField } from '../../components/SelectField';
import { useT } from '../../i18n/LocaleContext';
import { useResource } from '../../lib/useResource';
import { Link } from '../../router/Link';
import { navigate, useSearch } from '../../router/history';
import { ImportHistory } from './ImportHistory';
import { ImportWizard } from './ImportWizard';

/** Importing a contact list into one client (?client=N): the wizard and the client's earlier imports. */
export function ImportPage() {
  const t = useT();
  const clients = useResource(loadClients);
  const clientId = Number(new URLSearchParams(useSearch()).get('client'));
  const chosen = Number.isInteger(clientId) && clientId > 0 ? clientId : 0;
  return (
    <>
      <p className="breadcrumb">
        {chosen ? <Link href={`/clients/${chosen}`}>← {t('import.backToClient')}</Link> : <Link href="/contacts">← {t('contacts.title')}</Link>}
      </p>
      <PageHeader title={t('import.title')} />
      <p className="lead">{t('import.intro')}</p>
      <ResourceView resource={clients}>
        {(list) => (
          <SelectField
            label={t('import.client')}
            value={chosen ? String(chosen) : ''}
            onChange={(value) => navigate(value ? `/contacts/import?client=${value}` : '/contacts/import')}
            placeholder={t('import.chooseClient')}
            options={list.filter((c) => !c.archived).map((c) => ({ value: String(c.id), label: c.name }))}
            className="field--short-select"
          />
        )}
      </ResourceView>
      {chosen > 0 && (
        <>
          <ImportWizard key={chosen} clientId={chosen} />
          <ImportHistory clientId={chosen} />
        </>
      )}
    </>
  );
}
