// Extension pages share the extension origin's IndexedDB, so the side panel and options page open the
// library directly (through lib/library, the only code touching IndexedDB). One open per page.
import { useEffect, useState } from 'react';
import { openLibrary, type Library } from '../lib/library';

let opening: Promise<Library> | undefined;

export function getLibrary(): Promise<Library> {
  opening ??= openLibrary().catch((err: unknown) => {
    opening = undefined;
    throw err;
  });
  return opening;
}

export function useLibrary(): { library?: Library; error?: string } {
  const [state, setState] = useState<{ library?: Library; error?: string }>({});
  useEffect(() => {
    let live = true;
    getLibrary().then(
      (library) => live && setState({ library }),
      (err: unknown) =>
        live &&
        setState({
          error: `The library could not be opened (${String(err)}). Reload the page; if it persists, restore a backup in Options.`,
        }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
