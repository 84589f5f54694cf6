/** Saves a file the main process produced (base64), the way a browser saves a download. */
export function download(file: { filename: string; mime: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  save(file.filename, new Blob([bytes], { type: file.mime }));
}

/** Saves text (JSON for a portal) as UTF-8; no base64 round trip, which overflowed the stack on a large bulk file. */
export function downloadText(file: { filename: string; mime: string; text: string }): void {
  save(file.filename, new Blob([file.text], { type: `${file.mime};charset=utf-8` }));
}

function save(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
