interface ProgressBarProps {
  /** Names the bar for screen readers and tests. */
  label: string;
  value: number;
  max: number;
  /** What the bar says in words, e.g. "120 of 400 rows". */
  valueText: string;
}

/** A determinate progress bar with its value in words beside it. */
export function ProgressBar({ label, value, max, valueText }: ProgressBarProps) {
  const safeMax = Math.max(1, max);
  const clamped = Math.min(safeMax, Math.max(0, value));
  const percent = Math.round((clamped / safeMax) * 100);
  return (
    <div className="progress">
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={valueText}
      >
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress__text">{valueText}</span>
    </div>
  );
}
