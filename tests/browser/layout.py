"""What the layout checks measure in the page, shared by the page sweep and test_layout.py.

Each constant is a JavaScript function for `page.evaluate`; each returns a list of problems
(empty when the page is fine), so a failing test names the element and the figures."""

# WCAG 1.4.10: at 320 CSS px nothing scrolls the page sideways. A table or a chart may scroll
# inside its own box; that box then must not stick out of the page either.
REFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  if (document.documentElement.scrollWidth > width) {
    problems.push(`the page is ${document.documentElement.scrollWidth}px wide at ${width}px`);
    const inScroller = el => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width && box.right > width + 1 && !inScroller(el)) {
        problems.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ends at ${Math.round(box.right)}px`);
        if (problems.length > 6) break;
      }
    }
  }
  return problems;
}"""

# The header is one row: the brand, the menu (or the links) and the Quick exit side by side,
# no taller than a row of 44px targets, and the Quick exit is in view at every width.
HEADER = """() => {
  const problems = [];
  const header = document.querySelector('.site-header');
  const exit = document.querySelector('.site-header [data-quick-exit]');
  if (!header || !exit) return ['no header or no Quick exit'];
  const height = header.getBoundingClientRect().height;
  if (height > 72) problems.push(`the header is ${Math.round(height)}px tall`);
  const box = exit.getBoundingClientRect();
  if (!box.width || box.left < 0 || box.right > document.documentElement.clientWidth) {
    problems.push('the Quick exit is not in view');
  }
  const row = [...document.querySelectorAll('.header-row > *')].filter(
    el => el.getBoundingClientRect().width > 0);
  const middles = row.map(el => { const b = el.getBoundingClientRect(); return b.top + b.height / 2; });
  if (Math.max(...middles) - Math.min(...middles) > 8) {
    problems.push('the header wraps onto more than one row');
  }
  return problems;
}"""

# WCAG 1.4.11 and 2.4.13: every visible control's border (or its fill, for a filled button)
# and its focus indicator (outline, or box-shadow) at 3:1 against what is behind it.
CONTROLS = """() => {
  const parse = c => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a), a: 1});
  const lum = c => {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const opaque = el => { const c = parse(getComputedStyle(el).backgroundColor); return c && c.a === 1 ? c : null; };
  const page = opaque(document.body) || opaque(document.documentElement) || {r: 255, g: 255, b: 255, a: 1};
  const behind = el => {
    const layers = [];
    for (let p = el.parentElement; p; p = p.parentElement) {
      const c = parse(getComputedStyle(p).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a === 1) break; }
    }
    return layers.reverse().reduce((acc, c) => over(c, acc), page);
  };
  const name = el => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')}` +
    ` "${(el.textContent || el.getAttribute('aria-label') || el.name || '').trim().slice(0, 30)}"`;
  const problems = [];
  const controls = document.querySelectorAll(
    'main input:not([type=hidden]), main select, main textarea, main button, main .btn, ' +
    'main .page-link, header button, header .btn, header summary');
  for (const el of controls) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (box.width < 4 || box.height < 4 || style.visibility === 'hidden' || el.disabled) continue;
    const bg = behind(el);
    // A link-styled button has no border by design; a native control (appearance: auto) is
    // drawn by the browser, whose borders CSS cannot read.
    const isLink = el.classList.contains('btn-link') || el.classList.contains('page-link');
    if (!isLink && style.appearance !== 'auto') {
      const width = parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
      const border = parse(style.borderTopColor);
      const fill = parse(style.backgroundColor);
      let best = 0;
      if (width >= 1 && border && border.a > 0) best = ratio(over(border, bg), bg);
      if (fill && fill.a > 0 && style.appearance !== 'auto') best = Math.max(best, ratio(over(fill, bg), bg));
      if (best < 3) problems.push(`${name(el)}: border ${best.toFixed(2)}:1`);
    }
    el.focus({preventScroll: true});
    if (document.activeElement === el) {
      const f = getComputedStyle(el);
      let shown = 0;
      if (f.outlineStyle !== 'none' && parseFloat(f.outlineWidth) >= 2) {
        shown = ratio(over(parse(f.outlineColor), bg), bg);
      } else if (f.boxShadow && f.boxShadow !== 'none') {
        const c = parse(f.boxShadow);
        if (c) shown = ratio(over(c, bg), bg);
      }
      if (shown < 3) problems.push(`${name(el)}: focus ${shown.toFixed(2)}:1`);
      el.blur();
    }
  }
  return problems;
}"""
