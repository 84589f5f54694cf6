/**
 * A certificate fingerprint in groups a clerk can read aloud and compare with what the browser's
 * padlock (Certificate viewer → SHA-256) shows: 32 pairs, eight to a line.
 */
export function Fingerprint({ value }: { value: string }) {
  const pairs = value.split(':');
  const lines = [0, 8, 16, 24].map((start) => pairs.slice(start, start + 8).join(':'));
  return (
    <code className="fingerprint" data-testid="fingerprint" aria-label={`Fingerprint ${value}`}>
      {lines.map((line) => (
        <span key={line}>{line}</span>
      ))}
    </code>
  );
}
