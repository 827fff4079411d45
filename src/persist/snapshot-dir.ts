/**
 * `serve --snapshot-dir DIR`: SAVE / LOAD SNAPSHOT 'name' read and write `DIR/<name>.obsnap`. The session has
 * already checked the name (a file name, no separator); errors come back as OceanBase errors naming the file.
 */
import { join } from 'node:path';
import { obError, obErrorWith, type ObError } from '../errors.js';
import type { ClusterImage, SnapshotStore } from '../session/persistence.js';
import { RefusedFile } from './container.js';
import { encodeSnapshot, readSnapshotFile, writeFileAtomic } from './snapshot.js';

export function snapshotDirectory(dir: string, writer: string): SnapshotStore {
  const pathOf = (name: string): string => join(dir, `${name}.obsnap`);
  return {
    save: (name, image) => {
      try {
        writeFileAtomic(pathOf(name), encodeSnapshot(image, writer));
        return null;
      } catch (e) {
        return ioError(`SAVE SNAPSHOT '${name}': cannot write ${pathOf(name)}: ${(e as Error).message}`);
      }
    },
    load: (name): ClusterImage | ObError => {
      try {
        return readSnapshotFile(pathOf(name), writer);
      } catch (e) {
        if (e instanceof RefusedFile) return obErrorWith('OB_INVALID_ARGUMENT', `LOAD SNAPSHOT '${name}': ${pathOf(name)} is refused: ${e.message}`);
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return obErrorWith('OB_ENTRY_NOT_EXIST', `snapshot '${name}' does not exist (no ${pathOf(name)})`);
        return ioError(`LOAD SNAPSHOT '${name}': cannot read ${pathOf(name)}: ${(e as Error).message}`);
      }
    },
  };
}

/** OB_IO_ERROR with what failed: its table entry has no message format, so the detail replaces its text. */
function ioError(detail: string): ObError {
  return { ...obError('OB_IO_ERROR'), message: detail };
}
