import { contextBridge, ipcRenderer } from 'electron';

// One frozen function, never ipcRenderer itself: the page can ask the main process for a
// contract operation by name and nothing else.
contextBridge.exposeInMainWorld(
  'stockist',
  Object.freeze({
    call: (name: string, input: unknown): Promise<{ status: number; body: unknown }> => ipcRenderer.invoke('stockist:call', name, input),
  }),
);
