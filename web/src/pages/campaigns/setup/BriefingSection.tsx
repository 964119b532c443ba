import { useCallback, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import { loadBriefings, loadCampaign, withId } from '../../../api/loaders';
import { ResourceView } from '../../../components/ResourceView';
import { SectionCard } from '../../../components/SectionCard';
import { TextArea } from '../../../components/TextArea';
import { useLocale } from '../../../i18n/LocaleContext';
import { formatDateTime } from '../../../lib/format';
import { useResource } from '../../../lib/useResource';
import { useSave } from '../../../lib/useSave';
import type { SectionProps } from './patchCampaign';

/** The briefing: publish a new version (agents must acknowledge it anew), and every version with its acknowledgements. */
export function BriefingSection({ campaign, onSaved }: SectionProps) {
  const { t, locale } = useLocale();
  const save = useSave(['body']);
  const history = useResource(useCallback(() => loadBriefings(campaign.id), [campaign.id]));
  const [body, setBody] = useState(campaign.briefing?.body ?? '');
  const next = (campaign.briefing?.version ?? 0) + 1;

  function submit(): void {
    if (body.trim() === '') return save.showLocal({ body: t('validation.required') });
    void save.run(async () => {
      await unwrap(api.POST('/api/campaigns/{id}/briefings', { ...withId(campaign.id), body: { body } }));
      onSaved(await loadCampaign(campaign.id));
      history.reload();
    });
  }

  return (
    <SectionCard
      title={t('setup.briefing')}
      intro={t('briefing.intro')}
      onSubmit={submit}
      submitLabel={t('briefing.publish', { n: next })}
      busy={save.busy}
      general={save.general}
      fieldErrors={save.fieldErrors}
      savedText={save.saved ? t('briefing.published', { n: next - 1 }) : null}
    >
      {campaign.briefing ? (
        <p>
          {t('briefing.current', {
            n: campaign.briefing.version,
            count: campaign.briefing.acknowledgements,
            at: formatDateTime(locale, campaign.briefing.created_at),
          })}
        </p>
      ) : (
        <p className="muted">{t('briefing.none')}</p>
      )}
      <TextArea label={t('briefing.text')} value={body} onChange={setBody} error={save.errorAt('body')} rows={6} hint={t('briefing.textHint')} />
      <details className="history">
        <summary>{t('briefing.history')}</summary>
        <ResourceView resource={history}>
          {(versions) =>
            versions.length === 0 ? (
              <p className="muted">{t('briefing.none')}</p>
            ) : (
              <ol className="history__list" reversed>
                {versions.map((b) => (
                  <li key={b.id}>
                    <p className="small">
                      <strong>{t('briefing.version', { n: b.version })}</strong> · {formatDateTime(locale, b.created_at)}
                      {b.created_by_name && ` · ${b.created_by_name}`} · {t('briefing.acknowledgements', { count: b.acknowledgements })}
                    </p>
                    <p className="briefing-text">{b.body}</p>
                  </li>
                ))}
              </ol>
            )
          }
        </ResourceView>
      </details>
    </SectionCard>
  );
}
