import { useEffect, useMemo, useState } from 'react';
import { useHotkeys } from './use-hotkeys';

/** Shows a PDF from the main process, with Save; printing goes through the viewer's own print. */
export function PdfPreview({ pdf, onClose }: { pdf: { filename: string; base64: string }; onClose(): void }) {
  const url = useMemo(() => {
    const bytes = Uint8Array.from(atob(pdf.base64), (c) => c.charCodeAt(0));
    return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  }, [pdf]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  useHotkeys({ escape: onClose });
  // Desktop only: a remembered printer (say the counter's 80 mm one) prints without a dialog.
  const [printers, setPrinters] = useState<string[]>([]);
  const [printer, setPrinter] = useState(() => localStorage.getItem('stockist.printer') ?? '');
  useEffect(() => {
    if (window.stockist) void window.stockist.printers().then(setPrinters);
  }, []);
  const print = () => {
    localStorage.setItem('stockist.printer', printer);
    void window.stockist!.print(pdf.base64, printer ? { silent: true, deviceName: printer } : {});
  };
  return (
    <div className="drawer-backdrop center">
      <div className="modal pdf" role="dialog" aria-label={pdf.filename}>
        <header>
          <h2>{pdf.filename}</h2>
          <div className="toolbar">
            <a className="button" href={url} download={pdf.filename}>
              Save PDF
            </a>
            {/* Desktop: the system print dialog. Browser: the PDF viewer's own print button. */}
            {window.stockist && (
              <>
                <select aria-label="Printer" value={printer} onChange={(e) => setPrinter(e.target.value)}>
                  <option value="">Choose in the print dialog</option>
                  {printers.map((p) => (
                    <option key={p}>{p}</option>
                  ))}
                </select>
                <button className="primary" onClick={print}>
                  Print
                </button>
              </>
            )}
            <button onClick={onClose}>Close</button>
          </div>
        </header>
        <iframe title={pdf.filename} src={url} />
      </div>
    </div>
  );
}
