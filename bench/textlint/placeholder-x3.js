// textlint rule for bench/run.py: the one-line placeholder regex x{3,} (compare: reportlint --select RL401).
"use strict";
module.exports = (context) => ({
  [context.Syntax.Str](node) {
    for (const m of context.getSource(node).matchAll(/x{3,}/g)) context.report(node, new context.RuleError(`placeholder ${m[0]}`, { padding: context.locator.range([m.index, m.index + m[0].length]) }));
  },
});
