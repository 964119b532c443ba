import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { loadClients, withId } from '../../api/loaders';
import type { ContactDetail, CreateContactRequest } from '../../api/types';
import { Form } from '../../components/Form';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { PageHeader } from '../../components/PageHeader';
import { ResourceView } from '../../components/ResourceView';
import { SelectField } from '../../components/SelectField';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/LocaleContext';
import { useResource } from '../../lib/useResource';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { useSave } from '../../lib/useSave';
import { Link } from '../../router/Link';
import { navigate } from '../../router/history';
import { PhoneListEditor, type PhoneDraft } from './PhoneListEditor';

type LegalBasis = ContactDetail['legal_basis'];
const LEGAL_BASES: readonly LegalBasis[] = ['none', 'presumed_b2b', 'consent'];
const PERSON_FIELDS = ['salutation', 'title', 'first_name', 'last_name', 'function', 'level', 'email', 'legal_basis_reason', 'notes', 'external_id'] as const;
const COMPANY_FIELDS = ['name', 'industry', 'size', 'website', 'street', 'postal_code', 'city', 'country'] as const;
type PersonField = (typeof PERSON_FIELDS)[number];
type CompanyField = (typeof COMPANY_FIELDS)[number];
/** Where the server may name a field at fault; "phones[1].number" and "company.name" fall under these. */
const ERROR_PREFIXES = ['client_id', 'campaign_id', 'legal_basis', 'time_zone', 'phones', 'company', ...PERSON_FIELDS] as const;

interface Draft {
  person: Record<PersonField, string>;
  company: Record<CompanyField, string>;
  legalBasis: LegalBasis;
  timeZone: string;
  phones: PhoneDraft[];
}

function draftOf(contact: ContactDetail | null): Draft {
  const person = Object.fromEntries(PERSON_FIELDS.map((f) => [f, contact ? contact[f] : ''])) as Record<PersonField, string>;
  const company = Object.fromEntries(COMPANY_FIELDS.map((f) => [f, contact?.company ? contact.company[f] : ''])) as Record<CompanyField, string>;
  return {
    person,
    company,
    legalBasis: contact?.legal_basis ?? 'none',
    timeZone: contact?.time_zone ?? '',
    phones: contact ? contact.phones.map((p) => ({ number: p.e164, kind: p.kind })) : [{ number: '', kind: 'phone' }],
  };
}

/** The person's fields that create and edit share; numbers left empty are dropped. */
function personBody(draft: Draft) {
  const phones = draft.phones.filter((p) => p.number.trim() !== '').map((p) => ({ number: p.number.trim(), kind: p.kind }));
  return { ...draft.person, legal_basis: draft.legalBasis, time_zone: draft.timeZone.trim(), phones };
}

/** The company as typed, or nothing when its name is empty. */
function companyBody(draft: Draft) {
  return draft.company.name.trim() !== '' ? { company: { ...draft.company } } : null;
}

interface ContactFormProps {
  /** The contact to edit; null creates a new one. */
  contact: ContactDetail | null;
  /** The client a new contact is preselected for. */
  clientId?: number;
}

/** Create a contact (person, company, numbers, legal basis) or edit one; the server's refusals show at their fields. */
export function ContactForm({ contact, clientId }: ContactFormProps) {
  const t = useT();
  const save = useSave(ERROR_PREFIXES);
  const formRef = useFocusFirstInvalid<HTMLDivElement>(save.fieldErrors);
  const [draft, setDraft] = useState<Draft>(() => draftOf(contact));
  const [client, setClient] = useState(clientId ? String(clientId) : '');
  const [campaign, setCampaign] = useState('');
  const clients = useResource(loadClients);
  const setPerson = (field: PersonField) => (value: string) => setDraft((d) => ({ ...d, person: { ...d.person, [field]: value } }));
  const setCompany = (field: CompanyField) => (value: string) => setDraft((d) => ({ ...d, company: { ...d.company, [field]: value } }));
  const title = contact ? t('contactForm.editTitle') : t('contactForm.newTitle');

  function submit(): void {
    if (!contact && !client) {
      save.showLocal({ client_id: t('validation.required') });
      return;
    }
    void save.run(async () => {
      if (contact) {
        // An emptied company name takes the person out of its company; the company itself stays.
        const company = companyBody(draft) ?? (contact.company ? { company_id: null } : {});
        const body = { ...personBody(draft), ...company };
        const saved = await unwrap(api.PATCH('/api/contacts/{id}', { ...withId(contact.id), body }));
        navigate(`/contacts?id=${saved.id}`);
        return;
      }
      const body: CreateContactRequest = {
        ...personBody(draft),
        ...companyBody(draft),
        client_id: Number(client),
        ...(campaign ? { campaign_id: Number(campaign) } : {}),
      };
      const created = await unwrap(api.POST('/api/contacts', { body }));
      navigate(`/contacts?id=${created.id}`);
    });
  }

  const personField = (field: PersonField, label: string, extra: { type?: string; optional?: boolean } = {}) => (
    <TextField
      label={label}
      type={extra.type}
      value={draft.person[field]}
      onChange={setPerson(field)}
      error={save.errorAt(field)}
      optionalText={extra.optional === false ? undefined : t('common.optional')}
    />
  );
  const companyField = (field: CompanyField, label: string) => (
    <TextField label={label} value={draft.company[field]} onChange={setCompany(field)} error={save.errorAt(`company.${field}`)} optionalText={field === 'name' ? undefined : t('common.optional')} />
  );

  return (
    <>
      <p className="breadcrumb">
        <Link href={contact ? `/contacts?id=${contact.id}` : '/contacts'}>← {contact ? t('contactForm.backToContact') : t('contacts.back')}</Link>
      </p>
      <PageHeader title={title} />
      <div ref={formRef}>
        <Form label={title} onSubmit={submit} general={save.general} className="form contact-form">
          {!contact && (
            <section className="card" aria-labelledby="contact-form-client">
              <h2 id="contact-form-client" className="section__title">{t('contactForm.assignment')}</h2>
              <div className="grid grid--2">
                <ResourceView resource={clients}>
                  {(list) => (
                    <SelectField
                      label={t('contacts.client')}
                      value={client}
                      onChange={(value) => {
                        setClient(value);
                        setCampaign('');
                      }}
                      placeholder={t('contactForm.chooseClient')}
                      options={list.filter((c) => !c.archived).map((c) => ({ value: String(c.id), label: c.name }))}
                      error={save.errorAt('client_id')}
                    />
                  )}
                </ResourceView>
                {client && (
                <CampaignSelect
                  clientId={Number(client)}
                  value={campaign}
                  onChange={setCampaign}
                  hint={t('contactForm.campaignHint')}
                  error={save.errorAt('campaign_id')}
                />
              )}
              </div>
            </section>
          )}
          <section className="card" aria-labelledby="contact-form-person">
            <h2 id="contact-form-person" className="section__title">{t('contacts.person')}</h2>
            <div className="grid grid--4">
              {personField('salutation', t('contactForm.salutation'))}
              {personField('title', t('contactForm.title'))}
              {personField('first_name', t('contactForm.firstName'), { optional: false })}
              {personField('last_name', t('contactForm.lastName'), { optional: false })}
            </div>
            <div className="grid grid--3">
              {personField('function', t('contacts.function'))}
              {personField('level', t('contactForm.level'))}
              {personField('email', t('contacts.email'), { type: 'email' })}
            </div>
            <PhoneListEditor phones={draft.phones} onChange={(phones) => setDraft((d) => ({ ...d, phones }))} errorAt={save.errorAt} />
          </section>
          <section className="card" aria-labelledby="contact-form-company">
            <h2 id="contact-form-company" className="section__title">{t('contacts.company')}</h2>
            <p className="muted small">{t('contactForm.companyIntro')}</p>
            <div className="grid grid--2">
              {companyField('name', t('contactForm.companyName'))}
              {companyField('industry', t('clients.industry'))}
            </div>
            <div className="grid grid--4">
              {companyField('street', t('contactForm.street'))}
              {companyField('postal_code', t('contactForm.postalCode'))}
              {companyField('city', t('clients.city'))}
              {companyField('country', t('clients.country'))}
            </div>
            <div className="grid grid--2">
              {companyField('website', t('contactForm.website'))}
              {companyField('size', t('contactForm.size'))}
            </div>
          </section>
          <section className="card" aria-labelledby="contact-form-legal">
            <h2 id="contact-form-legal" className="section__title">{t('contacts.legalBasis')}</h2>
            <div className="grid grid--2">
              <SelectField
                label={t('contacts.legalBasis')}
                value={draft.legalBasis}
                onChange={(value) => setDraft((d) => ({ ...d, legalBasis: LEGAL_BASES.find((b) => b === value) ?? 'none' }))}
                options={LEGAL_BASES.map((b) => ({ value: b, label: t(`contacts.legalBasis.${b}`) }))}
                error={save.errorAt('legal_basis')}
                hint={t('contactForm.legalBasisHint')}
              />
              <TextField
                label={t('contacts.timeZone')}
                value={draft.timeZone}
                onChange={(timeZone) => setDraft((d) => ({ ...d, timeZone }))}
                error={save.errorAt('time_zone')}
                hint={t('contactForm.timeZoneHint')}
                optionalText={t('common.optional')}
              />
            </div>
            <TextArea
              label={t('contactForm.legalBasisReason')}
              value={draft.person.legal_basis_reason}
              onChange={setPerson('legal_basis_reason')}
              error={save.errorAt('legal_basis_reason')}
              hint={t('contactForm.legalBasisReasonHint')}
              rows={2}
            />
            <div className="grid grid--2">
              <TextArea label={t('contactForm.notes')} value={draft.person.notes} onChange={setPerson('notes')} error={save.errorAt('notes')} optionalText={t('common.optional')} rows={3} />
              {personField('external_id', t('contactForm.externalId'))}
            </div>
          </section>
          <div className="toolbar">
            <Link className="button" href={contact ? `/contacts?id=${contact.id}` : '/contacts'}>
              {t('common.cancel')}
            </Link>
            <button type="submit" className="button button--primary" disabled={save.busy}>
              {save.busy ? t('common.saving') : contact ? t('common.save') : t('contactForm.create')}
            </button>
          </div>
        </Form>
      </div>
    </>
  );
}
