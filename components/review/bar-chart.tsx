/**
 * A small bar chart drawn on the server as SVG (no chart library, no script, no inline styles: colours come from
 * classes in globals.css). The SVG is one image to assistive technology (role="img", its label summarising the
 * figures); each bar carries a <title> for pointer users; the same figures follow in a table for screen readers.
 */
export type Bar = { key: string; label: string; value: number; valueText: string };

type Props = {
  /** What the chart says in one or two sentences (the image's accessible name). */
  summary: string;
  bars: Bar[];
  /** Bars standing on a time axis (columns) or one per category (rows). */
  layout: "columns" | "rows";
  /** Which bar labels to print under columns (all fit for a handful, not for 30 days). */
  labelEvery?: number;
  table: { caption: string; headers: string[]; rows: (string | number)[][] };
};

const WIDTH = 640;

function Columns({ bars, labelEvery = 1 }: { bars: Bar[]; labelEvery?: number }) {
  const height = 180;
  const top = 16;
  const bottom = 28;
  const plot = height - top - bottom;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const step = WIDTH / bars.length;
  const barWidth = Math.max(2, step * 0.7);
  return (
    <>
      <line className="chart-axis" x1={0} x2={WIDTH} y1={top + plot} y2={top + plot} />
      {bars.map((bar, index) => {
        const barHeight = (bar.value / max) * plot;
        const x = index * step + (step - barWidth) / 2;
        return (
          <g key={bar.key}>
            <rect className="chart-bar" x={x} y={top + plot - barHeight} width={barWidth} height={Math.max(barHeight, bar.value ? 1 : 0)}>
              <title>{`${bar.label}: ${bar.valueText}`}</title>
            </rect>
            {bar.value ? (
              <text className="chart-value" x={x + barWidth / 2} y={top + plot - barHeight - 3} textAnchor="middle">
                {bar.value}
              </text>
            ) : null}
            {index % labelEvery === 0 || index === bars.length - 1 ? (
              <text className="chart-label" x={x + barWidth / 2} y={height - 8} textAnchor="middle">
                {bar.label}
              </text>
            ) : null}
          </g>
        );
      })}
    </>
  );
}

function Rows({ bars }: { bars: Bar[] }) {
  const rowHeight = 26;
  const labelWidth = 190;
  const valueWidth = 48;
  const plot = WIDTH - labelWidth - valueWidth;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <>
      {bars.map((bar, index) => {
        const y = index * rowHeight;
        const barWidth = (bar.value / max) * plot;
        return (
          <g key={bar.key}>
            <text className="chart-label" x={labelWidth - 8} y={y + rowHeight / 2 + 5} textAnchor="end">
              {bar.label}
            </text>
            <rect className="chart-bar" x={labelWidth} y={y + 4} width={Math.max(barWidth, bar.value ? 1 : 0)} height={rowHeight - 8}>
              <title>{`${bar.label}: ${bar.valueText}`}</title>
            </rect>
            <text className="chart-value" x={labelWidth + barWidth + 6} y={y + rowHeight / 2 + 5}>
              {bar.value}
            </text>
          </g>
        );
      })}
    </>
  );
}

export function BarChart({ summary, bars, layout, labelEvery, table }: Props) {
  const height = layout === "columns" ? 180 : Math.max(1, bars.length) * 26;
  return (
    <figure className="chart">
      <svg className="chart-svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary} preserveAspectRatio="xMidYMid meet">
        {layout === "columns" ? <Columns bars={bars} labelEvery={labelEvery} /> : <Rows bars={bars} />}
      </svg>
      <table className="visually-hidden">
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={String(row[0])}>
              {row.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={index}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
