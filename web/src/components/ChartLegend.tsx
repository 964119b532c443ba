/** The colours of a bar chart's series and what they mean (the bars use `chart__bar--<key>`). */
export function ChartLegend({ series }: { series: readonly (readonly [key: string, label: string])[] }) {
  return (
    <ul className="chart__legend" aria-hidden="true">
      {series.map(([key, label]) => (
        <li key={key}>
          <span className={`chart__swatch chart__bar--${key}`} /> {label}
        </li>
      ))}
    </ul>
  );
}
