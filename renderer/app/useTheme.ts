import { useEffect, useState } from 'react';
import type { ThemeSetting } from '../../shared/settings/settings';

export type AppTheme = 'light' | 'dark';

const darkQuery = '(prefers-color-scheme: dark)';

/** Applies the theme to the document; `system` follows the OS and changes with it. */
export function useTheme(setting: ThemeSetting): AppTheme {
  const [systemDark, setSystemDark] = useState(() => window.matchMedia(darkQuery).matches);
  useEffect(() => {
    const media = window.matchMedia(darkQuery);
    const onChange = () => setSystemDark(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  const theme: AppTheme = setting === 'system' ? (systemDark ? 'dark' : 'light') : setting;
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
  return theme;
}
