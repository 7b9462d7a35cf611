/** Minimal types for fast-formula-parser (test-only dev dependency; the package ships none). */
declare module 'fast-formula-parser' {
  export interface CellRef {
    sheet: string;
    row: number;
    col: number;
  }
  export interface RangeRef {
    sheet: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  export type FormulaValue = number | string | boolean | null | undefined | FormulaValue[][];
  export interface FormulaParserConfig {
    onCell?: (ref: CellRef) => FormulaValue;
    onRange?: (ref: RangeRef) => FormulaValue[][];
    onVariable?: (name: string, sheetName: string) => CellRef | RangeRef | null;
  }
  export default class FormulaParser {
    constructor(config: FormulaParserConfig);
    parse(formula: string, position: CellRef, allowReturnArray?: boolean): FormulaValue;
  }
}
