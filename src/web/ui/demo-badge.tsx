export function DemoBadge() {
  return (
    <span className="demo-badge" title="Fictional sample data: none of its figures are real">
      DEMO
    </span>
  );
}
