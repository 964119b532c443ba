import { useT } from '../i18n/LocaleContext';

interface ListControlsProps {
  index: number;
  count: number;
  /** Names the item for screen readers, e.g. "Section 2". */
  itemLabel: string;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}

/** Up, down and remove buttons of one item of an editable list. */
export function ListControls({ index, count, itemLabel, onMove, onRemove }: ListControlsProps) {
  const t = useT();
  return (
    <div className="row-actions">
      <button type="button" className="button button--small" disabled={index === 0} onClick={() => onMove(index, index - 1)} aria-label={t('list.moveUp', { item: itemLabel })}>
        ↑
      </button>
      <button type="button" className="button button--small" disabled={index === count - 1} onClick={() => onMove(index, index + 1)} aria-label={t('list.moveDown', { item: itemLabel })}>
        ↓
      </button>
      <button type="button" className="button button--small button--danger-outline" onClick={() => onRemove(index)} aria-label={t('list.remove', { item: itemLabel })}>
        {t('list.removeShort')}
      </button>
    </div>
  );
}

/** The list with the item at `from` moved to `to`. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
}
