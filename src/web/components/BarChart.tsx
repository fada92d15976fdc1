/**
 * Small charts drawn as SVG (no chart library is installed): horizontal bars for counts by a
 * category, and columns for a series over time. Each carries its figures as text too, so a screen
 * reader reads the numbers and not a picture.
 */

const BAR = 22;
const GAP = 6;

export function BarChart({ label, data }: { label: string; data: { label: string; value: number }[] }) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const height = data.length * (BAR + GAP);
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 600 ${height}`} width="100%" style={{ maxWidth: 600 }}>
      <title>{label}</title>
      {data.map((d, n) => {
        const y = n * (BAR + GAP);
        const w = (d.value / max) * 330;
        return (
          <g key={n}>
            <text x={0} y={y + BAR * 0.7} fontSize={13} fill="currentColor">
              {d.label.length > 22 ? `${d.label.slice(0, 21)}…` : d.label}
            </text>
            <rect x={200} y={y} width={Math.max(w, d.value ? 2 : 0)} height={BAR} rx={3} fill="var(--mantine-color-blue-6)" />
            <text x={206 + w} y={y + BAR * 0.7} fontSize={13} fill="currentColor">
              {d.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Columns over time (months), with a second, darker part of each column (e.g. seizures among leads). */
export function ColumnChart({ label, data, partLabel }: { label: string; data: { label: string; value: number; part?: number }[]; partLabel?: string }) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const width = Math.max(300, data.length * 48);
  const top = 20;
  const plot = 160;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${top + plot + 40}`} width="100%" style={{ maxWidth: width }}>
      <title>{label}</title>
      {data.map((d, n) => {
        const x = n * 48 + 8;
        const h = (d.value / max) * plot;
        const p = ((d.part ?? 0) / max) * plot;
        return (
          <g key={n}>
            <rect x={x} y={top + plot - h} width={32} height={h} rx={2} fill="var(--mantine-color-blue-3)">
              <title>{`${d.label}: ${d.value}${partLabel && d.part !== undefined ? `, ${partLabel} ${d.part}` : ''}`}</title>
            </rect>
            {p > 0 && <rect x={x} y={top + plot - p} width={32} height={p} rx={2} fill="var(--mantine-color-teal-7)" />}
            <text x={x + 16} y={top + plot - h - 4} fontSize={12} textAnchor="middle" fill="currentColor">
              {d.value}
            </text>
            <text x={x + 16} y={top + plot + 16} fontSize={11} textAnchor="middle" fill="currentColor">
              {d.label.slice(2)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
