import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { withId } from '../../api/loaders';
import type { SupervisionAgent, SupervisionCallback } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { SectionCard } from '../../components/SectionCard';
import { useLocale } from '../../i18n/LocaleContext';
import type { MessageKey } from '../../i18n/translate';
import { useFormErrors } from '../../lib/useFormErrors';
import { browserTimeZone, formatInZone } from '../../lib/zonedTime';

interface CallbacksTableProps {
  callbacks: readonly SupervisionCallback[];
  agents: readonly SupervisionAgent[];
  onChanged: () => void;
}

/** Pending callbacks due within the hour or overdue (overdue ones marked), each with a control to reassign it. */
export function CallbacksTable({ callbacks, agents, onChanged }: CallbacksTableProps) {
  const { t, locale } = useLocale();
  const zone = browserTimeZone();
  return (
    <SectionCard title={t('supervision.callbacks')}>
      <DataTable
        caption={t('supervision.callbacks')}
        rows={callbacks}
        rowKey={(callback) => callback.id}
        emptyText={t('supervision.noCallbacks')}
        rowClassName={(callback) => (callback.overdue ? 'row--overdue' : undefined)}
        columns={[
          {
            key: 'due',
            header: t('supervision.due'),
            className: 'nowrap',
            render: (callback) => (
              <>
                {formatInZone(locale, callback.due_at, zone)}
                {callback.overdue && (
                  <>
                    {' '}
                    <span className="badge badge--overdue">{t('reminders.overdue')}</span>
                  </>
                )}
              </>
            ),
          },
          { key: 'person', header: t('supervision.person'), render: (callback) => callback.person_name || t('reminders.lead', { id: callback.lead_id }) },
          {
            key: 'kind',
            header: t('supervision.kind'),
            render: (callback) => <span className={`badge badge--callback-${callback.kind}`}>{t(`callbackKind.${callback.kind}` as MessageKey)}</span>,
          },
          { key: 'assigned', header: t('supervision.assigned'), render: (callback) => callback.assigned_name || t('supervision.unassigned') },
          {
            key: 'reassign',
            header: t('supervision.reassign'),
            render: (callback) => <ReassignControl key={`${callback.id}:${callback.assigned_to ?? ''}`} callback={callback} agents={agents} onChanged={onChanged} />,
          },
        ]}
      />
    </SectionCard>
  );
}

const USER_FIELD = ['user_id'] as const;

function ReassignControl({ callback, agents, onChanged }: { callback: SupervisionCallback; agents: readonly SupervisionAgent[]; onChanged: () => void }) {
  const t = useLocale().t;
  const [userId, setUserId] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(USER_FIELD);
  const error = errors.fieldErrors.user_id ?? errors.general;
  const candidates = agents.filter((agent) => agent.user_id !== callback.assigned_to);
  const who = callback.person_name || t('reminders.lead', { id: callback.lead_id });

  async function reassign(): Promise<void> {
    if (!userId) return;
    setBusy(true);
    errors.clear();
    try {
      await unwrap(api.POST('/api/callbacks/{id}/reassign', { ...withId(callback.id), body: { user_id: Number(userId) } }));
      onChanged();
    } catch (caught) {
      errors.showError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="reassign"
      onSubmit={(event) => {
        event.preventDefault();
        void reassign();
      }}
    >
      <select className="input input--compact" value={userId} onChange={(event) => setUserId(event.target.value)} aria-label={t('supervision.reassignTo', { name: who })} disabled={busy}>
        <option value="">{t('supervision.chooseAgent')}</option>
        {candidates.map((agent) => (
          <option key={agent.user_id} value={agent.user_id}>
            {agent.name}
          </option>
        ))}
      </select>{' '}
      <button type="submit" className="button button--small" disabled={busy || userId === ''}>
        {t('supervision.reassignButton')}
      </button>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
