import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartState } from '../../../../shared/charts/chart-state';
import { useNotify } from '../../../app/notifications';
import { getPlatform } from '../../../platform';
import { exportPresets, type ExportPresetId } from '../../../../shared/charts/image-layout';
import './chart-export.css';

export interface ChartExportMenuProps {
  chartId: string;
  /** What is exported. */
  state: ChartState;
  /** The frame's title, for the menu's label and the file name. */
  title: string;
  /** The chart frame, read for its width only: "1× (screen size)" is as wide as the frame on screen. */
  figureRef: RefObject<HTMLElement | null>;
}

type ExportAction = { kind: 'png'; preset: ExportPresetId } | { kind: 'svg' } | { kind: 'copy' };

const actions: { id: string; labelKey: string; action: ExportAction }[] = [
  { id: 'png-1x', labelKey: 'png1x', action: { kind: 'png', preset: 'x1' } },
  { id: 'png-2x', labelKey: 'png2x', action: { kind: 'png', preset: 'x2' } },
  { id: 'png-3x', labelKey: 'png3x', action: { kind: 'png', preset: 'x3' } },
  { id: 'png-1920x1080', labelKey: 'pngHd', action: { kind: 'png', preset: 'hd' } },
  { id: 'png-3840x2160', labelKey: 'pngUhd', action: { kind: 'png', preset: 'uhd' } },
  { id: 'svg', labelKey: 'svg', action: { kind: 'svg' } },
  { id: 'copy', labelKey: 'copy', action: { kind: 'copy' } },
];

/** The drawing and the font embedding load on the first export, not with the app. */
const loadRenderer = () => import('./render-image');

const fileSuffix: Record<ExportPresetId, string> = { x1: '', x2: '@2x', x3: '@3x', hd: '-1920x1080', uhd: '-3840x2160' };

/**
 * Image export of a chart: PNG at screen multiples or slide sizes, SVG with fonts, or the
 * clipboard, all drawn from the chart's state (render-image.ts), not taken from the screen.
 */
export function ChartExportMenu({ chartId, state, title, figureRef }: ChartExportMenuProps) {
  const { t } = useTranslation('chart-export');
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const itemButtons = () => [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    itemButtons()[0]?.focus();
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) close(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open, close]);

  const baseName = (title || chartId).slice(0, 120);

  const reportFailure = useCallback(
    (error: unknown) => {
      notify('error', t('failed'), [error instanceof Error ? error.message : String(error)]);
    },
    [notify, t],
  );

  const run = useCallback(
    async (action: ExportAction) => {
      // Screen multiples keep the frame's width; slides are laid out on their own page.
      const frameWidth = figureRef.current ? Math.round(figureRef.current.getBoundingClientRect().width) : undefined;
      const options = frameWidth ? { width: frameWidth } : {};
      const png = async (preset: ExportPresetId) => {
        return (await loadRenderer()).renderChartPngBlob(state, preset, exportPresets[preset].kind === 'scale' ? options : {});
      };
      if (action.kind === 'copy') {
        const canCopy = typeof ClipboardItem !== 'undefined' && typeof navigator.clipboard?.write === 'function';
        if (!canCopy) {
          notify('error', t('clipboardRefused'), [t('clipboardRefusedDetail')]);
          return;
        }
        setBusy(true);
        // The item is created at once with a promise of the PNG, so the write still counts as part of the click.
        const image = png('x2');
        try {
          await navigator.clipboard.write([new ClipboardItem({ 'image/png': image })]);
          notify('success', t('copied'));
        } catch (error) {
          const renderError = await image.then(
            () => null,
            (e: unknown) => e,
          );
          if (renderError) reportFailure(renderError);
          else notify('error', t('clipboardRefused'), [t('clipboardRefusedDetail'), error instanceof Error ? error.message : String(error)]);
        } finally {
          setBusy(false);
        }
        return;
      }
      setBusy(true);
      try {
        let bytes: Uint8Array;
        let suggestedName: string;
        if (action.kind === 'png') {
          const blob = await png(action.preset);
          bytes = new Uint8Array(await blob.arrayBuffer());
          suggestedName = `${baseName}${fileSuffix[action.preset]}.png`;
        } else {
          bytes = new TextEncoder().encode(await (await loadRenderer()).renderChartSvg(state, 'x1', options));
          suggestedName = `${baseName}.svg`;
        }
        const result = await getPlatform().saveExport({ suggestedName, kind: action.kind, bytes });
        if (result.saved) notify('success', t('saved', { file: result.fileName ?? suggestedName }));
      } catch (error) {
        reportFailure(error);
      } finally {
        setBusy(false);
      }
    },
    [figureRef, state, baseName, notify, t, reportFailure],
  );

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = itemButtons();
    const current = items.findIndex((item) => item === document.activeElement);
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = (current + 1) % items.length;
    else if (event.key === 'ArrowUp') next = (current - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
      return;
    } else if (event.key === 'Tab') {
      close(false);
      return;
    }
    if (next !== null) {
      event.preventDefault();
      items[next]?.focus();
    }
  };

  return (
    <div className="chart-export" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-busy={busy}
        aria-disabled={busy}
        data-testid={`chart-export-${chartId}`}
        onClick={() => {
          // Not `disabled`: that would drop keyboard focus while the image renders.
          if (!busy) setOpen((value) => !value);
        }}
        onKeyDown={(event) => {
          if (!busy && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {busy ? (
          <>
            <span className="chart-export-busy" aria-hidden="true">
              ◌
            </span>
            {t('buttonBusy')}
          </>
        ) : (
          <>
            <span aria-hidden="true">⤓ </span>
            {t('button')}
          </>
        )}
      </button>
      {open ? (
        <ul id={menuId} ref={menuRef} role="menu" className="chart-export-menu" aria-label={t('menuLabel', { title })} onKeyDown={onMenuKeyDown}>
          {actions.flatMap((item) => [
            ...(item.id === 'svg' ? [<li key="separator" role="separator" />] : []),
            <li key={item.id} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                data-testid={`chart-export-${item.id}`}
                onClick={() => {
                  close(true);
                  void run(item.action);
                }}
              >
                {t(item.labelKey)}
              </button>
            </li>,
          ])}
        </ul>
      ) : null}
    </div>
  );
}
