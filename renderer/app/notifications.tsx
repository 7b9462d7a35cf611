import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type NotificationKind = 'info' | 'success' | 'error';

export interface AppNotification {
  id: number;
  kind: NotificationKind;
  message: string;
  /** Extra lines, e.g. one per problem found in a file. */
  details?: string[];
  /** One thing the user can do about it, e.g. open the backup copy. */
  action?: NotificationAction;
}

export interface NotificationAction {
  label: string;
  run(): void;
}

interface NotificationsValue {
  notify(kind: NotificationKind, message: string, details?: string[], action?: NotificationAction): void;
}

const NotificationsContext = createContext<NotificationsValue | null>(null);

let nextId = 1;

/** Messages for the user: errors stay until dismissed, others fade after a few seconds. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<AppNotification[]>([]);
  const dismiss = useCallback((id: number) => setItems((all) => all.filter((n) => n.id !== id)), []);
  const notify = useCallback(
    (kind: NotificationKind, message: string, details?: string[], action?: NotificationAction) => {
      const id = nextId++;
      setItems((all) => [...all.slice(-4), { id, kind, message, ...(details ? { details } : {}), ...(action ? { action } : {}) }]);
      if (kind !== 'error' && !action) setTimeout(() => dismiss(id), 5000);
    },
    [dismiss],
  );
  const value = useMemo(() => ({ notify }), [notify]);
  return (
    <NotificationsContext.Provider value={value}>
      {children}
      <div className="notifications" aria-live="polite">
        {items.map((item) => (
          <div key={item.id} className={`notification notification-${item.kind}`} role={item.kind === 'error' ? 'alert' : 'status'}>
            <span className="notification-icon" aria-hidden="true">
              {item.kind === 'error' ? '⚠' : item.kind === 'success' ? '✓' : 'ℹ'}
            </span>
            <div className="notification-body">
              <p>{item.message}</p>
              {item.details && item.details.length > 0 ? (
                <ul>
                  {item.details.slice(0, 20).map((line, index) => (
                    <li key={index}>{line}</li>
                  ))}
                </ul>
              ) : null}
            </div>
            {item.action ? (
              <button
                type="button"
                className="button primary"
                onClick={() => {
                  dismiss(item.id);
                  item.action?.run();
                }}
              >
                {item.action.label}
              </button>
            ) : null}
            <button type="button" className="button" onClick={() => dismiss(item.id)}>
              {t('notices.dismiss')}
            </button>
          </div>
        ))}
      </div>
    </NotificationsContext.Provider>
  );
}

export function useNotify(): NotificationsValue['notify'] {
  const value = useContext(NotificationsContext);
  if (!value) throw new Error('useNotify must be used inside NotificationsProvider');
  return value.notify;
}
