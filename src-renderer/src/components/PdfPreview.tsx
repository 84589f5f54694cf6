import { useEffect, useMemo } from 'react';
import { useHotkeys } from './use-hotkeys';

/** Shows a PDF from the main process, with Save; printing goes through the viewer's own print. */
export function PdfPreview({ pdf, onClose }: { pdf: { filename: string; base64: string }; onClose(): void }) {
  const url = useMemo(() => {
    const bytes = Uint8Array.from(atob(pdf.base64), (c) => c.charCodeAt(0));
    return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  }, [pdf]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  useHotkeys({ escape: onClose });
  return (
    <div className="drawer-backdrop center">
      <div className="modal pdf" role="dialog" aria-label={pdf.filename}>
        <header>
          <h2>{pdf.filename}</h2>
          <div className="toolbar">
            <a className="button" href={url} download={pdf.filename}>Save PDF</a>
            <button onClick={onClose}>Close</button>
          </div>
        </header>
        <iframe title={pdf.filename} src={url} />
      </div>
    </div>
  );
}

/** A short tone for a refused scan, so the picker hears it without looking (no sound file needed). */
export function errorBeep(): void {
  try {
    const audio = new AudioContext();
    const osc = audio.createOscillator();
    osc.type = 'square';
    osc.frequency.value = 220;
    osc.connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.25);
  } catch {
    // No audio device: the red banner still says it.
  }
}
