import { create } from "zustand";

type TTheme = "light" | "dark";

const initial = (): TTheme =>
  document.documentElement.classList.contains("dark") ? "dark" : "light";

export const useTheme = create<{ theme: TTheme; toggle(): void }>((set, get) => ({
  theme: initial(),
  toggle: () => {
    const theme = get().theme === "dark" ? "light" : "dark";
    document.documentElement.classList.toggle("dark", theme === "dark");
    localStorage.setItem("baton.theme", theme);
    set({ theme });
  },
}));
