import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { commandLabel, type CommandId } from '../../../shared/commands';
import { useCommandLanguage, useCommandRegistry, useCommandState } from './hooks';
import { ariaKeyShortcuts, commandTitle } from './shortcut-text';

export interface CommandButtonProps {
  onClick(): void;
  disabled: boolean;
  'aria-keyshortcuts': string | undefined;
  /** The tooltip: full label and shortcuts. */
  title: string;
}

/**
 * What a button needs to run a registry command: `props` (click, disabled state, shortcut and
 * tooltip) to spread on the button, and the catalog's button label.
 */
export function useCommandButton(id: CommandId): { props: CommandButtonProps; label: string } {
  const registry = useCommandRegistry();
  const state = useCommandState(id);
  const language = useCommandLanguage();
  return {
    props: {
      onClick: () => void registry.run(id),
      // Not `available`: behind the palette the toolbar would flash disabled; `run` checks the context anyway.
      disabled: !(state.registered && state.enabled),
      'aria-keyshortcuts': ariaKeyShortcuts(id),
      title: commandTitle(id, language),
    },
    label: commandLabel(id, language, 'button'),
  };
}

type NativeButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'disabled' | 'title' | 'type'>;

/** A toolbar button for a registry command; its label comes from the catalog unless `children` are given. */
export function CommandButton({ command, className = 'button', children, ...rest }: { command: CommandId; children?: ReactNode } & NativeButtonProps) {
  const { props, label } = useCommandButton(command);
  return (
    <button type="button" className={className} {...rest} {...props}>
      {children ?? label}
    </button>
  );
}
