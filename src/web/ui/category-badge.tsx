import type { Category } from '../format/contract-values.js';

const classNames: Record<Category, string> = {
  Pipeline: 'cat-pipeline',
  'Best Case': 'cat-best-case',
  Commit: 'cat-commit',
  Closed: 'cat-closed',
  Omitted: 'cat-omitted',
};

export function categoryClass(category: Category): string {
  return classNames[category];
}

export function CategoryBadge({ category }: { category: Category }) {
  return <span className={`badge ${classNames[category]}`}>{category}</span>;
}
