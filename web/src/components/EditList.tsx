import type { ReactNode } from 'react';
import { ListControls, moved } from './ListControls';

interface EditListProps<T> {
  legend: string;
  items: readonly T[];
  onChange: (items: T[]) => void;
  /** Names item `index` (from 0), e.g. "Section 2": its heading and the name its buttons give screen readers. */
  itemLabel: (index: number) => string;
  emptyText: string;
  addLabel: string;
  newItem: () => T;
  /** stacked: the label and buttons above the fields; row: fields and buttons on one line, without a heading. */
  layout?: 'stacked' | 'row';
  /** The fields of one item; `update` changes some of its properties. */
  renderItem: (item: T, index: number, update: (patch: Partial<T>) => void) => ReactNode;
}

/** An editable list in a fieldset: items in order with up, down and remove, and a button that adds one. */
export function EditList<T>({ legend, items, onChange, itemLabel, emptyText, addLabel, newItem, layout = 'stacked', renderItem }: EditListProps<T>) {
  const update = (index: number) => (patch: Partial<T>) => onChange(items.map((item, j) => (j === index ? { ...item, ...patch } : item)));
  const controls = (index: number) => (
    <ListControls
      index={index}
      count={items.length}
      itemLabel={itemLabel(index)}
      onMove={(from, to) => onChange(moved(items, from, to))}
      onRemove={(at) => onChange(items.filter((_, j) => j !== at))}
    />
  );
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {items.length === 0 && <p className="muted">{emptyText}</p>}
      <ol className="edit-list">
        {items.map((item, i) =>
          layout === 'row' ? (
            <li key={i} className="edit-list__item edit-list__item--row">
              {renderItem(item, i, update(i))}
              {controls(i)}
            </li>
          ) : (
            <li key={i} className="edit-list__item">
              <div className="edit-list__head">
                <strong>{itemLabel(i)}</strong>
                {controls(i)}
              </div>
              {renderItem(item, i, update(i))}
            </li>
          ),
        )}
      </ol>
      <button type="button" className="button" onClick={() => onChange([...items, newItem()])}>
        + {addLabel}
      </button>
    </fieldset>
  );
}
