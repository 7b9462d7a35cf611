/** Every rule of the document's style sheets. A sheet from another origin cannot be read and is skipped; the app has none, so nothing is lost. */
export function* documentCssRules(): Generator<CSSRule> {
  for (const sheet of document.styleSheets) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    yield* rules;
  }
}
