import fs from 'node:fs/promises';
import path from 'node:path';
import type { EngineContext } from '../context';
import { conflict } from '../errors';

/**
 * The copy of an import's file kept beside the ledger ("<ledger>-imports/") until the import is done, so an
 * interrupted import can resume. Written and read asynchronously: 10 MB of text in one SQLite statement held the
 * event loop for a second on a loaded machine.
 */
export async function keepFile(ctx: EngineContext, csv: string): Promise<string> {
  const dir = `${ctx.ledger.file}-imports`;
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${ctx.now().getTime()}-${process.pid}-${Math.random().toString(36).slice(2, 10)}.csv`);
  await fs.writeFile(file, csv, 'utf8');
  return file;
}

export async function readKeptFile(file: string, id: number): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    throw conflict(`The copy of import ${id}'s file is gone; import the rows from ${id} on again`, 'id');
  }
}

export async function dropKeptFile(file: string): Promise<void> {
  await fs.rm(file, { force: true });
}
