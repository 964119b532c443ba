import { Fragment } from 'react';
import { useT } from '../../i18n/LocaleContext';
import type { MessageKey } from '../../i18n/translate';

const KEYS: readonly (readonly [string, MessageKey])[] = [
  ['N / Enter', 'shortcuts.next'],
  ['D', 'shortcuts.dial'],
  ['1 – 9, 0, -, X', 'shortcuts.outcome'],
  ['/', 'shortcuts.notes'],
  ['O', 'shortcuts.objections'],
  ['E', 'shortcuts.escalate'],
  ['S', 'shortcuts.skip'],
  ['P', 'shortcuts.pause'],
  ['Esc', 'shortcuts.escape'],
];

/** The keys of the workspace, folded away once learnt. */
export function Shortcuts() {
  const t = useT();
  return (
    <details className="card shortcuts">
      <summary>{t('shortcuts.title')}</summary>
      <dl className="facts">
        {KEYS.map(([key, text]) => (
          <Fragment key={key}>
            <dt>
              <kbd className="kbd">{key}</kbd>
            </dt>
            <dd>{t(text)}</dd>
          </Fragment>
        ))}
      </dl>
    </details>
  );
}
