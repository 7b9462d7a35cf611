/**
 * The command palette (Ctrl/⌘+Shift+P or Ctrl/⌘+K): every command of the registry, found by
 * typing its name in Chinese or English (or its id). ↑/↓ choose, Enter runs, Esc closes and
 * gives focus back to where it was. Loaded on demand, so it is not part of the initial bundle.
 *
 * ARIA: a modal dialog holding a combobox input that controls a listbox; the chosen option is
 * the input's `aria-activedescendant`, so focus stays in the input while the arrows move.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { commandDeclarations, inPalette, searchCommands, type CommandId } from '../../../shared/commands';
import { useCommandContext, useCommandLanguage, useCommandRegistry, useRegistryVersion } from './hooks';
import { shortcutTexts } from './shortcut-text';
import '../../theme/command-palette.css';

const paletteCommands = commandDeclarations.filter(inPalette);

export interface CommandPaletteProps {
  /** Closes without running anything (Esc, a click outside). */
  onClose(): void;
  /** Closes and runs the command once the palette is gone (focus back where it was). */
  onChoose(id: CommandId): void;
}

export function CommandPalette({ onClose, onChoose }: CommandPaletteProps) {
  const { t } = useTranslation();
  const language = useCommandLanguage();
  const other = language === 'zh' ? 'en' : 'zh';
  const registry = useCommandRegistry();
  useRegistryVersion(registry);
  useCommandContext('palette');
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);

  const matches = useMemo(() => searchCommands(query, paletteCommands), [query]);
  const active = matches.length > 0 ? Math.min(activeIndex, matches.length - 1) : -1;
  const optionId = (index: number) => `${listId}-option-${index}`;

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    inputRef.current?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      // Back to where the user was; if that element is gone, to the main content.
      const back = previous && previous !== document.body && previous.isConnected ? previous : document.getElementById('main');
      back?.focus();
    };
  }, []);

  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  const enabled = (id: CommandId) => {
    const state = registry.state(id);
    return state.registered && state.enabled;
  };
  const choose = (index: number) => {
    const command = matches[index];
    if (command && enabled(command.id)) onChoose(command.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = matches.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (count > 0) setActiveIndex((active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if ((event.key === 'Home' || event.key === 'End') && event.ctrlKey) {
      event.preventDefault();
      setActiveIndex(event.key === 'Home' ? 0 : Math.max(0, count - 1));
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (active >= 0) choose(active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="command-palette"
      data-testid="command-palette"
      aria-label={t('palette.title')}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop (outside the panel) closes the palette.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="command-palette-panel">
        <input
          ref={inputRef}
          className="command-palette-input"
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? optionId(active) : undefined}
          aria-label={t('palette.inputLabel')}
          placeholder={t('palette.placeholder')}
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActiveIndex(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" className="command-palette-list" aria-label={t('palette.listLabel')}>
          {matches.map((command, index) => {
            const isEnabled = enabled(command.id);
            const shortcuts = shortcutTexts(command.id);
            return (
              <li
                key={command.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                aria-disabled={isEnabled ? undefined : true}
                data-command-id={command.id}
                className="command-palette-option"
                // Keep focus in the input; the click runs the command.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(index)}
              >
                <span className="command-palette-label">{command.label[language]}</span>
                <span className="command-palette-other" lang={other === 'zh' ? 'zh-CN' : 'en'}>
                  {command.label[other]}
                </span>
                {isEnabled ? null : <span className="command-palette-unavailable">{t('palette.unavailable')}</span>}
                {shortcuts.length > 0 ? (
                  <span className="command-palette-keys">
                    {shortcuts.map((shortcut) => (
                      <kbd key={shortcut}>{shortcut}</kbd>
                    ))}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
        {matches.length === 0 ? <p className="command-palette-empty">{t('palette.noMatch', { query })}</p> : null}
        <p className="command-palette-hint" aria-live="polite">
          <span className="visually-hidden">{t('palette.count', { count: matches.length })} </span>
          {t('palette.hint')}
        </p>
      </div>
    </dialog>
  );
}
