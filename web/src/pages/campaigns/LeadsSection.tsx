import { useCallback, useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { CampaignLead } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { ResourceView } from '../../components/ResourceView';
import { SectionCard } from '../../components/SectionCard';
import { useT } from '../../i18n/LocaleContext';
import type { MessageKey } from '../../i18n/translate';
import { useResource } from '../../lib/useResource';
import { Link } from '../../router/Link';

export const LEADS_PAGE_SIZE = 25;

/** The campaign's leads page by page (oldest first): the person, company, first number and state of each. */
export function LeadsSection({ campaignId, linkContacts }: { campaignId: number; linkContacts: boolean }) {
  const t = useT();
  const [offset, setOffset] = useState(0);
  const leads = useResource(
    useCallback(async () => {
      const params = { path: { id: campaignId }, query: { limit: LEADS_PAGE_SIZE, offset } };
      return (await unwrap(api.GET('/api/campaigns/{id}/leads', { params }))).leads;
    }, [campaignId, offset]),
  );
  const name = (lead: CampaignLead) => `${lead.person.first_name} ${lead.person.last_name}`.trim() || `#${lead.person_id}`;
  return (
    <SectionCard title={t('leads.title')}>
      <ResourceView resource={leads}>
        {(rows) => (
          <>
            <DataTable
              caption={t('leads.title')}
              rows={rows}
              rowKey={(lead) => lead.id}
              emptyText={offset === 0 ? t('leads.empty') : t('leads.noMore')}
              rowClassName={(lead) => (lead.person.blocked ? 'row--muted' : undefined)}
              columns={[
                {
                  key: 'person',
                  header: t('contacts.name'),
                  render: (lead) => (linkContacts ? <Link href={`/contacts?id=${lead.person_id}`}>{name(lead)}</Link> : name(lead)),
                },
                { key: 'company', header: t('contacts.company'), render: (lead) => lead.person.company_name || t('common.none') },
                { key: 'phone', header: t('contacts.phone'), render: (lead) => lead.person.phone || t('common.none'), className: 'nowrap' },
                {
                  key: 'state',
                  header: t('contacts.leadState'),
                  render: (lead) => <span className={`badge badge--lead-${lead.state}`}>{t(`leads.state.${lead.state}` as MessageKey)}</span>,
                },
              ]}
            />
            <nav className="pager" aria-label={t('leads.pages')}>
              <button type="button" className="button button--small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - LEADS_PAGE_SIZE))}>
                ← {t('leads.previous')}
              </button>
              <span className="muted small" aria-live="polite">
                {rows.length > 0 ? t('leads.range', { from: offset + 1, to: offset + rows.length }) : ''}
              </span>
              <button type="button" className="button button--small" disabled={rows.length < LEADS_PAGE_SIZE} onClick={() => setOffset(offset + LEADS_PAGE_SIZE)}>
                {t('leads.next')} →
              </button>
            </nav>
          </>
        )}
      </ResourceView>
    </SectionCard>
  );
}
