import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryState {
  error: Error | null;
}

/**
 * The last line of defence: an error while rendering would otherwise unmount the whole tree and
 * leave the window blank, with no hint of what happened. The text is in both languages and needs
 * no translation machinery, because that may be what failed. Reloading loses next to nothing:
 * edits reach the autosaved draft within a second, and the app reopens it.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Scenario Desk stopped drawing:', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="app-failure" role="alert" data-testid="app-failure">
        <h1 lang="zh-CN">情景推演台遇到错误，无法继续显示。</h1>
        <p lang="en">Scenario Desk hit an error and cannot go on drawing this window.</p>
        <pre>{error.message}</pre>
        <p lang="zh-CN">修改会在一秒内自动保存为草稿，重新加载后会恢复。</p>
        <p lang="en">Edits are autosaved as a draft within a second and come back after a reload.</p>
        <button type="button" className="button" onClick={() => window.location.reload()} autoFocus>
          重新加载 / Reload
        </button>
      </div>
    );
  }
}
