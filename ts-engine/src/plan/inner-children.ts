/**
 * Lines of a plan printed as an inner child (Spark's TreeNode.innerChildren, e.g. the plan
 * under an InMemoryRelation) of a node whose children print after `childPrefix`: the child
 * tree, already laid out from its root, sits two levels deeper, under a `+- `.
 */
export function innerChildLines(childPrefix: string, lines: readonly string[]): string[] {
  const pad = `${childPrefix}   `;
  return lines.map((l, i) => (i === 0 ? `${pad}+- ${l}` : `${pad}   ${l}`));
}
