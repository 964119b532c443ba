import { useCallback, useState } from 'react';
import { loadCampaign } from '../../api/loaders';
import type { CampaignDetail } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { ResourceView } from '../../components/ResourceView';
import { SectionCard } from '../../components/SectionCard';
import { useLocale, useT } from '../../i18n/LocaleContext';
import { formatDate } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import { Link } from '../../router/Link';
import { useSignedIn } from '../../session/SessionContext';
import { BriefingPanel } from './BriefingPanel';
import { AppointmentsSection } from '../appointments/AppointmentsSection';
import { CallLogSection } from './CallLogSection';
import { goalKindText } from './goalKind';
import { LeadsSection } from './LeadsSection';
import { BillingSection } from './setup/BillingSection';
import { BriefingSection } from './setup/BriefingSection';
import { CallerIdSection } from './setup/CallerIdSection';
import { CallingRulesSection } from './setup/CallingRulesSection';
import { GoalSection } from './setup/GoalSection';
import { InfoMailSection } from './setup/InfoMailSection';
import { QualificationSection } from './setup/QualificationSection';
import { ReminderSection } from './setup/ReminderSection';
import { ScriptSection } from './setup/ScriptSection';
import { StaffSection } from './setup/StaffSection';
import { StateBar } from './StateBar';

/**
 * One campaign: its whole setup for project managers; the briefing and the script for everyone else; its leads; its
 * call log for supervision.
 */
export function CampaignPage({ id }: { id: number }) {
  const t = useT();
  const campaign = useResource(useCallback(() => loadCampaign(id), [id]));
  return (
    <>
      <p className="breadcrumb">
        <Link href="/campaigns">← {t('campaigns.title')}</Link>
      </p>
      <ResourceView resource={campaign}>{(data) => <CampaignView initial={data} />}</ResourceView>
    </>
  );
}

function CampaignView({ initial }: { initial: CampaignDetail }) {
  const { t, locale } = useLocale();
  const { access } = useSignedIn();
  const [campaign, setCampaign] = useState(initial);
  const canManage = access.permissions.has('campaigns.manage');
  const canAcknowledge = access.permissions.has('workspace.use');
  const canSeeLeads = access.permissions.has('contacts.read');
  const canOpenContacts = canSeeLeads && !access.clientBound;
  // Whoever may read the campaign's chain (GET …/ledger): supervision and the client; supervision corrects it.
  const canCorrect = access.permissions.has('supervision.view');
  const canSeeCallLog = canCorrect || access.permissions.has('portal.view');
  const canSeeAppointments = (['campaigns.read', 'supervision.view', 'portal.view'] as const).some((p) => access.permissions.has(p));
  const canRecordOutcomes = (['portal.view', 'supervision.view', 'campaigns.manage'] as const).some((p) => access.permissions.has(p));
  const period =
    campaign.starts_on || campaign.ends_on ? `${formatDate(locale, campaign.starts_on)} – ${formatDate(locale, campaign.ends_on)}` : '';

  return (
    <>
      <PageHeader title={campaign.name} />
      <p className="lead">
        {access.permissions.has('clients.read') ? <Link href={`/clients/${campaign.client_id}`}>{campaign.client_name}</Link> : campaign.client_name}
        {' · '}
        {campaign.goal_target} {goalKindText(t, campaign.goal_kind)}
        {period && ` · ${period}`}
      </p>
      {canManage ? (
        <>
          <StateBar campaign={campaign} onChanged={setCampaign} />
          <nav className="section-nav" aria-label={t('setup.sections')}>
            {SECTIONS.filter(([anchor]) => (anchor !== 'leads' || canSeeLeads) && (anchor !== 'call-log' || canSeeCallLog)).map(([anchor, key]) => (
              <a key={anchor} href={`#${anchor}`}>
                {t(key)}
              </a>
            ))}
          </nav>
          <div id="goal"><GoalSection campaign={campaign} onSaved={setCampaign} /></div>
          <div id="billing"><BillingSection campaign={campaign} onSaved={setCampaign} /></div>
          <div id="rules"><CallingRulesSection campaign={campaign} onSaved={setCampaign} /></div>
          <div id="caller-id"><CallerIdSection campaign={campaign} onSaved={setCampaign} /></div>
          <div id="script"><ScriptSection campaign={campaign} onSaved={setCampaign} /></div>
          <div id="qualification"><QualificationSection campaign={campaign} onSaved={setCampaign} /></div>
          <div id="info-mail"><InfoMailSection campaign={campaign} onSaved={setCampaign} /></div>
          <div id="reminders"><ReminderSection campaignId={campaign.id} /></div>
          <div id="briefing"><BriefingSection campaign={campaign} onSaved={setCampaign} /></div>
          <div id="staff"><StaffSection campaign={campaign} onSaved={setCampaign} /></div>
          {canSeeLeads && <div id="leads"><LeadsSection campaignId={campaign.id} linkContacts={canOpenContacts} /></div>}
          {canSeeCallLog && <div id="call-log"><CallLogSection campaignId={campaign.id} canCorrect={canCorrect} /></div>}
          <div id="appointments"><AppointmentsSection campaignId={campaign.id} canChange={canCorrect || canManage} canRecord={canRecordOutcomes} /></div>
        </>
      ) : (
        <>
          <p>
            <span className={`badge badge--${campaign.state}`}>{t(`campaigns.state.${campaign.state}`)}</span>
          </p>
          <BriefingPanel campaign={campaign} canAcknowledge={canAcknowledge} onChanged={setCampaign} />
          <ScriptView campaign={campaign} />
          {canSeeLeads && <LeadsSection campaignId={campaign.id} linkContacts={canOpenContacts} />}
          {canSeeCallLog && <div id="call-log"><CallLogSection campaignId={campaign.id} canCorrect={canCorrect} /></div>}
          {canSeeAppointments && <div id="appointments"><AppointmentsSection campaignId={campaign.id} canChange={canCorrect} canRecord={canRecordOutcomes} /></div>}
        </>
      )}
    </>
  );
}

const SECTIONS = [
  ['goal', 'setup.goal'],
  ['billing', 'setup.billing'],
  ['rules', 'setup.callingRules'],
  ['caller-id', 'setup.callerId'],
  ['script', 'setup.script'],
  ['qualification', 'setup.qualification'],
  ['info-mail', 'setup.infoMail'],
  ['reminders', 'reminderSetup.title'],
  ['briefing', 'setup.briefing'],
  ['staff', 'setup.staff'],
  ['leads', 'leads.title'],
  ['call-log', 'callLog.title'],
  ['appointments', 'appointments.title'],
] as const;

/** The script, objections and checklist to read before calling. */
function ScriptView({ campaign }: { campaign: CampaignDetail }) {
  const t = useT();
  const { sections, objections } = campaign.script;
  return (
    <SectionCard title={t('setup.script')}>
      {sections.length === 0 && objections.length === 0 && <p className="muted">{t('script.noSections')}</p>}
      {sections.map((s, i) => (
        <div key={i}>
          <h3 className="subheading">{s.title}</h3>
          <p className="briefing-text">{s.text}</p>
        </div>
      ))}
      {objections.length > 0 && (
        <>
          <h3 className="subheading">{t('script.objections')}</h3>
          <dl className="objections">
            {objections.map((o, i) => (
              <div key={i}>
                <dt>{o.question}</dt>
                <dd>{o.answer}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {campaign.qualification.length > 0 && (
        <>
          <h3 className="subheading">{t('setup.qualification')}</h3>
          <ul>
            {campaign.qualification.map((q, i) => (
              <li key={i}>
                {q.question}
                {q.required && <span className="muted"> ({t('qualification.required')})</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </SectionCard>
  );
}
