import type { components } from './schema';

type Schemas = components['schemas'];

export type User = Schemas['User'];
export type Agency = Schemas['Agency'];
export type Session = Schemas['Session'];
export type Role = Schemas['Role'];
export type Locale = Schemas['Locale'];
export type Permission = Schemas['Permission'];
export type Client = Schemas['Client'];
export type Campaign = Schemas['Campaign'];
export type CampaignState = Schemas['CampaignState'];
export type ApiToken = Schemas['ApiToken'];
export type AuditEntry = Schemas['AuditEntry'];
export type ErrorCode = Schemas['ErrorCode'];
export type ErrorBody = Schemas['Error'];
export type ContactSummary = Schemas['ContactSummary'];
export type ContactDetail = Schemas['ContactDetail'];
export type BlockEntry = Schemas['BlockEntry'];
export type PrivacyRequest = Schemas['PrivacyRequest'];

export const ROLES: readonly Role[] = [
  'admin',
  'project_manager',
  'supervisor',
  'agent',
  'client_manager',
  'client_rep',
];

/** Roles that are bound to exactly one client (client_id required). */
export function isClientRole(role: Role): boolean {
  return role === 'client_manager' || role === 'client_rep';
}

export type CampaignDetail = Schemas['CampaignDetail'];
export type GoalKind = Schemas['GoalKind'];
export type CallingRules = Schemas['CallingRules'];
export type WeekWindows = Schemas['WeekWindows'];
export type TimeWindow = Schemas['TimeWindow'];
export type RetryDelays = Schemas['RetryDelays'];
export type Billing = Schemas['Billing'];
export type Script = Schemas['Script'];
export type QualificationItem = Schemas['QualificationItem'];
export type CampaignStaff = Schemas['CampaignStaff'];
export type Briefing = Schemas['Briefing'];
export type Rep = Schemas['Rep'];
export type UpdateCampaignRequest = Schemas['UpdateCampaignRequest'];

export const GOAL_KINDS: readonly GoalKind[] = ['appointments', 'qualified_leads', 'information_requests'];
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const RETRY_OUTCOMES = ['no_answer', 'busy', 'voicemail', 'gatekeeper', 'callback_general', 'info_mail'] as const;
export type RetryOutcome = (typeof RETRY_OUTCOMES)[number];

export type Import = Schemas['Import'];
export type ImportPreview = Schemas['ImportPreview'];
export type ImportRunRequest = Schemas['ImportRunRequest'];
export type ContactField = Schemas['ContactField'];
export type Delimiter = Schemas['Delimiter'];
export type CampaignLead = Schemas['CampaignLead'];
export type CreateContactRequest = Schemas['CreateContactRequest'];
export type UpdateContactRequest = Schemas['UpdateContactRequest'];

export const CONTACT_FIELDS: readonly ContactField[] = [
  'ignore', 'company_name', 'company_industry', 'company_size', 'company_website', 'street', 'postal_code', 'city', 'state',
  'country', 'salutation', 'title', 'first_name', 'last_name', 'full_name', 'function', 'level', 'phone', 'mobile', 'email',
  'notes', 'external_id', 'legal_basis_reason',
];
export const DELIMITERS: readonly Delimiter[] = ['semicolon', 'comma', 'tab', 'pipe'];

export type WorkspaceAssignment = Schemas['WorkspaceAssignment'];
export type LeadCard = Schemas['LeadCard'];
export type AttemptSummary = Schemas['AttemptSummary'];
export type Callback = Schemas['Callback'];
export type OutcomeRequest = Schemas['OutcomeRequest'];
export type OutcomeRecorded = Schemas['OutcomeRecorded'];
export type Outcome = OutcomeRequest['outcome'];
export type PresenceState = Schemas['HeartbeatRequest']['state'];
export type Phone = Schemas['Phone'];
export type Company = Schemas['Company'];
export type SupervisionSnapshot = Schemas['SupervisionSnapshot'];
export type SupervisionAgent = Schemas['SupervisionAgent'];
export type SupervisionCampaign = Schemas['SupervisionCampaign'];
export type SupervisionCallback = Schemas['SupervisionCallback'];

export type Escalation = Schemas['Escalation'];
export type EscalationRequest = Schemas['EscalationRequest'];
export type Urgency = Escalation['urgency'];
export const URGENCIES: readonly Urgency[] = ['normal', 'high', 'critical'];

export type CallLogPage = Schemas['CallLogPage'];
export type CallLogEntry = Schemas['CallLogEntry'];
export type CallLogAgent = CallLogPage['agents'][number];
export type LedgerCheck = Schemas['LedgerCheck'];
export type CorrectionRequest = Schemas['CorrectionRequest'];
export type CorrectionOutcome = CorrectionRequest['outcome'];

export type Appointment = Schemas['Appointment'];
export type AppointmentList = Schemas['AppointmentList'];
export type AppointmentState = Schemas['AppointmentState'];
export type AppointmentRequest = Schemas['AppointmentRequest'];
export type AppointmentKind = NonNullable<AppointmentRequest['kind']>;
export const APPOINTMENT_KINDS: readonly AppointmentKind[] = ['on_site', 'video', 'phone'];
export type SlotSuggestions = Schemas['SlotSuggestions'];
export type AppointmentAtRisk = Schemas['AppointmentAtRisk'];
export type AppointmentRates = Schemas['AppointmentRates'];
export type OutcomeReport = Schemas['OutcomeReport'];
export type AppointmentOutcome = OutcomeReport['outcome'];
export const APPOINTMENT_OUTCOMES: readonly AppointmentOutcome[] = ['held', 'no_show', 'cancelled'];
export type LinkView = Schemas['LinkView'];
export type BlockedTimes = Schemas['BlockedTimes'];
