import { useState } from 'react';

/**
 * Hands the browser a fetched file under a name, as a download. Files behind the API need the bearer token, so
 * they are fetched (as a blob) rather than linked; the address is released a minute later.
 */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A download button's state: fetches the file, saves it, and keeps the error to show beside the button. */
export function useDownload(): { busy: boolean; error: unknown; run: (fetchFile: () => Promise<Blob>, fileName: string) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (fetchFile: () => Promise<Blob>, fileName: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      saveFile(await fetchFile(), fileName);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
