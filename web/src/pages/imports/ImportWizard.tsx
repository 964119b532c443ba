import { useState } from 'react';
import type { Import } from '../../api/types';
import { useT } from '../../i18n/LocaleContext';
import type { MessageKey } from '../../i18n/translate';
import { PreviewStep } from './PreviewStep';
import { RunStep } from './RunStep';
import { UploadStep } from './UploadStep';

type Step = { kind: 'upload' } | { kind: 'preview'; job: Import } | { kind: 'run'; job: Import };

const STEPS: readonly [Step['kind'], MessageKey][] = [
  ['upload', 'import.stepUpload'],
  ['preview', 'import.stepPreview'],
  ['run', 'import.stepRun'],
];

/** Upload a contact list, check how it is read and mapped, run it and see what became of each row. */
export function ImportWizard({ clientId }: { clientId: number }) {
  const t = useT();
  const [step, setStep] = useState<Step>({ kind: 'upload' });
  const current = STEPS.findIndex(([kind]) => kind === step.kind);
  return (
    <section className="card section-card" aria-label={t('import.wizard')}>
      <ol className="steps" aria-label={t('import.steps')}>
        {STEPS.map(([kind, label], i) => (
          <li key={kind} className={`steps__item${i === current ? ' steps__item--current' : ''}${i < current ? ' steps__item--done' : ''}`} aria-current={i === current ? 'step' : undefined}>
            <span className="steps__number">{i + 1}</span> {t(label)}
          </li>
        ))}
      </ol>
      {step.kind === 'upload' && <UploadStep clientId={clientId} onUploaded={(job) => setStep({ kind: 'preview', job })} />}
      {step.kind === 'preview' && (
        <PreviewStep job={step.job} onStarted={(job) => setStep({ kind: 'run', job })} onCancel={() => setStep({ kind: 'upload' })} />
      )}
      {step.kind === 'run' && <RunStep started={step.job} onAgain={() => setStep({ kind: 'upload' })} />}
    </section>
  );
}
