/**
 * Calls back once things settle after changes to some files: the folders holding them are watched
 * (editors often save by writing a new file and renaming it over the old one, which a watch on the
 * file itself would lose), events for other files are ignored, and the callback runs `debounceMs`
 * after the last event. It never runs twice at once: changes during a run schedule one more run.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface FolderWatch {
  /** Watches these files (absolute paths) from now on, instead of the previous ones. */
  setFiles(files: readonly string[]): void;
  close(): void;
}

/**
 * Starts watching; `onSettled` is called after each burst of changes.
 *
 * @example
 * const watcher = watchFolders(500, () => pushAgain());
 * watcher.setFiles(['/work/onto/pizza.owl', '/work/onto/catalog-v001.xml']);
 */
export function watchFolders(debounceMs: number, onSettled: () => Promise<void>): FolderWatch {
  const watchers = new Map<string, FSWatcher>();
  let names = new Map<string, Set<string>>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;

  const run = () => {
    timer = undefined;
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = onSettled().finally(() => {
      running = undefined;
      if (again && !closed) {
        again = false;
        schedule();
      }
    });
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  };

  return {
    setFiles(files) {
      names = new Map();
      for (const file of files) {
        const folder = dirname(file);
        let set = names.get(folder);
        if (!set) names.set(folder, (set = new Set()));
        set.add(basename(file));
      }
      for (const [folder, watcher] of watchers) {
        if (!names.has(folder)) {
          watcher.close();
          watchers.delete(folder);
        }
      }
      for (const folder of names.keys()) {
        if (watchers.has(folder)) continue;
        const watcher = watch(folder, (_event, name) => {
          if (name === null || names.get(folder)?.has(name.toString())) schedule();
        });
        watcher.on('error', () => undefined); // a folder that goes away is simply no longer watched
        watchers.set(folder, watcher);
      }
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
