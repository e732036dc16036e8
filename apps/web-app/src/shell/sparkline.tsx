/** A completion curve in small: the rates (permille, 0–1000) as a line over 0–100 %, the last point marked. */
export function Sparkline({
  permilles,
  label,
  width = 120,
  height = 28,
}: {
  permilles: number[];
  label: string;
  width?: number;
  height?: number;
}) {
  const x = (i: number) => (permilles.length === 1 ? width / 2 : 2 + (i / (permilles.length - 1)) * (width - 4));
  const y = (p: number) => height - 2 - (Math.min(Math.max(p, 0), 1000) / 1000) * (height - 4);
  const points = permilles.map((p, i) => `${x(i).toFixed(1)},${y(p).toFixed(1)}`).join(' ');
  const last = permilles.at(-1);
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <line x1={2} x2={width - 2} y1={height - 2} y2={height - 2} stroke="#cbd2d9" strokeWidth={1} />
      {permilles.length > 1 && <polyline points={points} fill="none" stroke="#1f5fa8" strokeWidth={2} />}
      {last !== undefined && <circle cx={x(permilles.length - 1)} cy={y(last)} r={2.5} fill="#1f5fa8" />}
    </svg>
  );
}
