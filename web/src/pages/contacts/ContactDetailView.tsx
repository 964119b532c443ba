import { useCallback, useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { ContactDetail } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable } from '../../components/DataTable';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { ResourceView } from '../../components/ResourceView';
import { useLocale, useT } from '../../i18n/LocaleContext';
import type { MessageKey } from '../../i18n/translate';
import { formatDateTime } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import { Link } from '../../router/Link';
import { useSignedIn } from '../../session/SessionContext';
import { ConsentDialog } from './ConsentDialog';

type Dialog = 'block' | 'erase' | 'consent' | null;

function nameOf(contact: ContactDetail): string {
  return [contact.title, contact.first_name, contact.last_name].filter(Boolean).join(' ');
}

/** One contact with company, numbers, campaigns, consent records and history; block, consent, export, erase. */
export function ContactDetailView({ id }: { id: number }) {
  const t = useT();
  const { locale } = useLocale();
  const { access } = useSignedIn();
  const load = useCallback(async () => unwrap(api.GET('/api/contacts/{id}', { params: { path: { id } } })), [id]);
  const contact = useResource(load);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<string | null>(null);

  const canBlock = access.permissions.has('contacts.block');
  const canManage = access.permissions.has('contacts.manage');
  const canPrivacy = access.permissions.has('privacy.manage');

  return (
    <ResourceView resource={contact}>
      {(c) => {
        const name = nameOf(c) || `#${c.id}`;
        const erased = c.erased_at !== null;
        return (
          <>
            <p>
              <Link href="/contacts">← {t('contacts.back')}</Link>
            </p>
            <PageHeader title={name}>
              {c.blocked && <span className="badge badge--blocked">{t('contacts.blocked')}</span>}
              {erased && <span className="badge badge--inactive">{t('contacts.erased')}</span>}
              {canBlock && !c.blocked && !erased && (
                <button type="button" className="button button--danger-outline" onClick={() => setDialog('block')}>
                  {t('contacts.block')}
                </button>
              )}
              {canManage && !erased && (
                <Link className="button" href={`/contacts?id=${c.id}&edit`}>
                  {t('common.edit')}
                </Link>
              )}
              {canManage && !erased && (
                <button type="button" className="button" onClick={() => setDialog('consent')}>
                  {t('contacts.addConsent')}
                </button>
              )}
              {canPrivacy && (
                <>
                  <a className="button" href={`/api/contacts/${c.id}/export?format=json`} download={`contact-${c.id}.json`}>
                    {t('contacts.exportJson')}
                  </a>
                  <a className="button" href={`/api/contacts/${c.id}/export?format=html`} target="_blank" rel="noopener">
                    {t('contacts.exportHtml')}
                  </a>
                  {!erased && (
                    <button type="button" className="button button--danger" onClick={() => setDialog('erase')}>
                      {t('contacts.erase')}
                    </button>
                  )}
                </>
              )}
            </PageHeader>
            {message && <Notice kind="success">{message}</Notice>}
            <div className="contact-grid">
              <section className="card" aria-labelledby="contact-person">
                <h2 id="contact-person" className="section__title">{t('contacts.person')}</h2>
                <dl className="facts">
                  <dt>{t('contacts.function')}</dt>
                  <dd>{[c.function, c.level].filter(Boolean).join(' · ') || t('common.none')}</dd>
                  <dt>{t('contacts.email')}</dt>
                  <dd>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : t('common.none')}</dd>
                  <dt>{t('contacts.timeZone')}</dt>
                  <dd>{c.time_zone || t('common.none')}</dd>
                  <dt>{t('contacts.legalBasis')}</dt>
                  <dd>
                    {t(`contacts.legalBasis.${c.legal_basis}` as MessageKey)}
                    {c.legal_basis_reason && ` — ${c.legal_basis_reason}`}
                  </dd>
                </dl>
              </section>
              <section className="card" aria-labelledby="contact-company">
                <h2 id="contact-company" className="section__title">{t('contacts.company')}</h2>
                {c.company ? (
                  <dl className="facts">
                    <dt>{t('contacts.company')}</dt>
                    <dd>{c.company.name}</dd>
                    <dt>{t('contacts.address')}</dt>
                    <dd>
                      {[c.company.street, `${c.company.postal_code} ${c.company.city}`.trim(), c.company.country]
                        .filter(Boolean)
                        .join(', ') || t('common.none')}
                    </dd>
                    <dt>{t('clients.industry')}</dt>
                    <dd>{[c.company.industry, c.company.size].filter(Boolean).join(' · ') || t('common.none')}</dd>
                  </dl>
                ) : (
                  <p className="muted">{t('common.none')}</p>
                )}
              </section>
            </div>
            <section className="section" aria-label={t('contacts.phones')}>
              <h2 className="section__title">{t('contacts.phones')}</h2>
              <DataTable
                caption={t('contacts.phones')}
                rows={c.phones}
                rowKey={(p) => p.id}
                emptyText={t('common.none')}
                columns={[
                  { key: 'e164', header: t('contacts.phone'), render: (p) => <a href={`tel:${p.e164}`}>{p.e164}</a> },
                  { key: 'type', header: t('contacts.phoneType'), render: (p) => p.type },
                  { key: 'region', header: t('contacts.region'), render: (p) => p.region },
                ]}
              />
            </section>
            <section className="section" aria-label={t('contacts.leads')}>
              <h2 className="section__title">{t('contacts.leads')}</h2>
              <DataTable
                caption={t('contacts.leads')}
                rows={c.leads}
                rowKey={(l) => l.id}
                emptyText={t('common.none')}
                columns={[
                  { key: 'campaign', header: t('contacts.campaign'), render: (l) => l.campaign_name },
                  { key: 'state', header: t('contacts.leadState'), render: (l) => t(`leads.state.${l.state}` as MessageKey) },
                ]}
              />
            </section>
            <section className="section" aria-label={t('contacts.consents')}>
              <h2 className="section__title">{t('contacts.consents')}</h2>
              <DataTable
                caption={t('contacts.consents')}
                rows={c.consents}
                rowKey={(r) => r.id}
                emptyText={t('common.none')}
                columns={[
                  { key: 'kind', header: t('contacts.consentKind'), render: (r) => t(`contacts.consentKind.${r.kind}` as MessageKey) },
                  { key: 'given_by', header: t('contacts.givenBy'), render: (r) => r.given_by },
                  { key: 'purpose', header: t('contacts.purpose'), render: (r) => r.purpose },
                  { key: 'given_at', header: t('contacts.givenAtShort'), render: (r) => formatDateTime(locale, r.given_at) },
                  { key: 'channel', header: t('contacts.channel'), render: (r) => r.channel },
                ]}
              />
            </section>
            <section className="section" aria-label={t('contacts.history')}>
              <h2 className="section__title">{t('contacts.history')}</h2>
              <p className="muted">{t('contacts.historyEmpty')}</p>
            </section>
            {dialog === 'block' && (
              <ConfirmDialog
                title={t('contacts.block')}
                message={t('contacts.blockConfirm', { name })}
                confirmLabel={t('contacts.block')}
                danger
                onCancel={() => setDialog(null)}
                onConfirm={async () => {
                  await unwrap(api.POST('/api/contacts/{id}/block', { params: { path: { id: c.id } }, body: {} }));
                  setDialog(null);
                  setMessage(t('contacts.blockedDone', { name }));
                  contact.reload();
                }}
              />
            )}
            {dialog === 'erase' && (
              <ConfirmDialog
                title={t('contacts.erase')}
                message={t('contacts.eraseConfirm', { name })}
                confirmLabel={t('contacts.erase')}
                danger
                onCancel={() => setDialog(null)}
                onConfirm={async () => {
                  await unwrap(api.POST('/api/contacts/{id}/erase', { params: { path: { id: c.id } } }));
                  setDialog(null);
                  setMessage(t('contacts.erasedDone'));
                  contact.reload();
                }}
              />
            )}
            {dialog === 'consent' && (
              <ConsentDialog
                contactId={c.id}
                onClose={() => setDialog(null)}
                onRecorded={() => {
                  setDialog(null);
                  setMessage(t('contacts.consentRecorded'));
                  contact.reload();
                }}
              />
            )}
          </>
        );
      }}
    </ResourceView>
  );
}
