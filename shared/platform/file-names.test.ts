import { describe, expect, it } from 'vitest';
import { safeFileName } from './file-names';

describe('safeFileName', () => {
  it('adds the extension once', () => {
    expect(safeFileName('软件产业', 'sdesk')).toBe('软件产业.sdesk');
    expect(safeFileName('plan.SDESK', 'sdesk')).toBe('plan.SDESK');
  });
  it('cannot be turned into a path', () => {
    expect(safeFileName('../../etc/passwd', 'xlsx')).toBe('.._.._etc_passwd.xlsx');
    expect(safeFileName('C:\\Windows\\x', 'png')).toBe('C__Windows_x.png');
    expect(safeFileName('  ', 'csv')).toBe('untitled.csv');
  });
});
