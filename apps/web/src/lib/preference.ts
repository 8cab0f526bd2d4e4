import { create, type StoreApi, type UseBoundStore } from "zustand";

const read = <T extends string>(key: string, allowed: readonly T[]): T | undefined => {
  try {
    const saved = localStorage.getItem(key);
    return allowed.find((value) => value === saved);
  } catch {
    // storage refused (a private window, a policy): the choice lasts this page only
    return undefined;
  }
};

const write = (key: string, value: string): void => {
  try {
    localStorage.setItem(key, value);
  } catch {
    // as above: nothing to keep it in
  }
};

// Narrower than this, panels start folded so the page keeps room for its content.
const ROOMY = "(min-width: 1280px)";

export type TPreference<T extends string> = UseBoundStore<
  StoreApi<{ value: T; set(value: T): void }>
>;

/**
 * A choice of the person at this browser (a panel folded, a layout direction), kept in
 * localStorage under `key`. Until they make one it is `roomy`, or `narrow` while the window
 * is narrower than 1280 px, following the window as it is resized.
 */
export const createPreference = <T extends string>(
  key: string,
  allowed: readonly T[],
  roomy: T,
  narrow: T = roomy,
): TPreference<T> => {
  const media = globalThis.matchMedia?.(ROOMY);
  const byWidth = () => (media?.matches === false ? narrow : roomy);
  const store = create<{ value: T; set(value: T): void }>((set) => ({
    value: read(key, allowed) ?? byWidth(),
    set: (value) => {
      write(key, value);
      set({ value });
    },
  }));
  if (narrow !== roomy) {
    media?.addEventListener("change", () => {
      if (read(key, allowed) === undefined) store.setState({ value: byWidth() });
    });
  }
  return store;
};
