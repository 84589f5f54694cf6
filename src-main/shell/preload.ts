import { contextBridge, ipcRenderer } from 'electron';

// One frozen object, never ipcRenderer itself: the page can ask for a contract operation by
// name, and have a PDF the app made printed; nothing else.
contextBridge.exposeInMainWorld(
  'stockist',
  Object.freeze({
    call: (
      name: string,
      input: unknown,
      options?: { idempotencyKey?: string },
    ): Promise<{ status: number; body: unknown }> => ipcRenderer.invoke('stockist:call', name, input, options),
    print: (
      base64: string,
      options?: { silent?: boolean; deviceName?: string },
    ): Promise<{ ok: boolean; error?: string }> => ipcRenderer.invoke('stockist:print', base64, options),
    printers: (): Promise<string[]> => ipcRenderer.invoke('stockist:printers'),
  }),
);
